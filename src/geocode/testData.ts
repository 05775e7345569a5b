// A small synthetic GeocoderData for the unit tests: a few namesakes, a few countries.
import type { City, Country, GeocoderData } from './types';

const city = (
  name: string,
  country: string,
  lat: number,
  lon: number,
  population: number,
  admin?: string,
  altCountries?: string[],
): City => ({
  name,
  country,
  lat,
  lon,
  population,
  ...(admin ? { admin } : {}),
  ...(altCountries ? { altCountries } : {}),
});

const country = (
  code: string,
  alpha3: string,
  name: string,
  lat: number,
  lon: number,
  more: string[] = [],
): Country => ({ code, alpha3, numeric: '', name, names: [name, ...more], lat, lon });

export const TEST_CITIES: City[] = [
  city('Paris', 'FR', 48.8534, 2.3488, 2138551),
  city('Paris', 'US', 33.6609, -95.5555, 24782, 'TX'),
  city('Paris', 'US', 38.2098, -84.253, 9870, 'KY'),
  city('Paris', 'CA', 43.2, -80.3833, 11177),
  city('Cairo', 'EG', 30.0626, 31.2497, 7734614),
  city('Cairo', 'US', 30.8775, -84.2021, 9752, 'GA'),
  city('Lebanon', 'US', 40.3409, -76.4113, 25000, 'PA'),
  city('Springfield', 'US', 37.2153, -93.2982, 166810, 'MO'),
  city('Springfield', 'US', 39.8017, -89.6437, 116565, 'IL'),
  city('London', 'GB', 51.5085, -0.1257, 8961989),
  city('London', 'CA', 42.9834, -81.233, 346765),
  city('Ramallah', 'PS', 31.8996, 35.2042, 24599),
  city('Donetsk', 'UA', 48.023, 37.8022, 1024700),
  city('Donetsk', 'RU', 48.3396, 39.9595, 50850),
  city('Simferopol', 'UA', 44.9572, 34.1108, 336460),
  city('Khān Yūnis', 'PS', 31.3402, 34.3063, 173183),
  city('São Paulo', 'BR', -23.5475, -46.6361, 10021295),
  city('Saint Petersburg', 'RU', 59.9386, 30.3141, 5351935),
  city('Washington, D.C.', 'US', 38.8951, -77.0364, 601723, 'DC'),
  city('Washington', 'GB', 54.9, -1.5167, 53526),
  city('Jenin', 'PL', 52.6965, 15.098, 1100),
  city('Laayoune', 'EH', 27.1418, -13.188, 196331, undefined, ['MA']),
  city('The Hague', 'NL', 52.0767, 4.2986, 474292),
  city('Centre', 'US', 34.152, -85.6789, 3570, 'AL'),
  city('Geneva', 'US', 41.8875, -88.3053, 21806, 'IL'),
  city('Georgetown', 'GY', 6.8045, -58.1553, 235017),
];

export const TEST_COUNTRIES: Country[] = [
  country('FR', 'FRA', 'France', 46.5723, 2.4609),
  country('US', 'USA', 'United States', 39.8865, -98.8205, [
    'United States of America',
    'USA',
    'U.S.',
  ]),
  country('EG', 'EGY', 'Egypt', 26.4596, 29.8779),
  country('LB', 'LBN', 'Lebanon', 33.9212, 35.878),
  country('CA', 'CAN', 'Canada', 58.59, -98.99),
  country('GB', 'GBR', 'United Kingdom', 53.8259, -2.4117, ['UK', 'Britain']),
  country('PS', 'PSE', 'Palestine', 31.947, 35.2475, ['State of Palestine']),
  country('IL', 'ISR', 'Israel', 31.4553, 34.8843),
  country('UA', 'UKR', 'Ukraine', 49.0, 31.4),
  country('RU', 'RUS', 'Russia', 65.74, 95.15, ['Russian Federation']),
  country('BR', 'BRA', 'Brazil', -10.8, -52.9),
  country('NL', 'NLD', 'Netherlands', 52.2767, 5.6329, ['The Netherlands', 'Holland']),
  country('DE', 'DEU', 'Germany', 51.0322, 10.3525),
  country('CG', 'COG', 'Republic of the Congo', -0.84, 15.22, ['Congo']),
  country('CD', 'COD', 'DR Congo', -2.87, 23.64, ['Democratic Republic of the Congo', 'Congo']),
  country('GE', 'GEO', 'Georgia', 42.1731, 43.5242),
  country('MA', 'MAR', 'Morocco', 31.88, -6.32),
  country('EH', 'ESH', 'Western Sahara', 24.65, -13.0),
  country('CH', 'CHE', 'Switzerland', 46.8, 8.2),
  country('PL', 'POL', 'Poland', 52.1, 19.4),
  country('GY', 'GUY', 'Guyana', 4.79, -58.98),
];

export const TEST_DATA: GeocoderData = { cities: TEST_CITIES, countries: TEST_COUNTRIES };
