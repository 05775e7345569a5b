// The offline geocoder: place names -> coordinates from GeoNames cities, Natural Earth country
// centroids and a curated alias table. See geocoder.ts for the matching rules.
export type {
  Alias,
  City,
  Country,
  Geocoded,
  GeocodeFn,
  GeocodePrecision,
  GeocoderData,
} from './types';
export { createGeocoder } from './geocoder';
export { loadGeocoder, defaultBaseUrl, GEO_FILES } from './load';
export { normalise } from './normalise';
export { ALIASES, NEVER_MATCH } from './aliases';
