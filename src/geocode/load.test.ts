import { describe, expect, it } from 'vitest';
import { formatCities } from './format';
import { GEO_FILES, loadGeocoder } from './load';
import { TEST_CITIES, TEST_COUNTRIES } from './testData';

function fakeFetch(files: Record<string, string>, requested: string[] = []): typeof fetch {
  return async (input) => {
    const url = String(input);
    requested.push(url);
    const body = files[url];
    return body === undefined
      ? new Response('not found', { status: 404 })
      : new Response(body, { status: 200 });
  };
}

const BASE = 'https://example.org/dateline/';
const FILES = {
  [`${BASE}${GEO_FILES.cities}`]: formatCities(TEST_CITIES, 'test'),
  [`${BASE}${GEO_FILES.countries}`]: JSON.stringify({
    version: 1,
    source: 'test',
    countries: TEST_COUNTRIES,
  }),
};

describe('loadGeocoder', () => {
  it('fetches both files under the base URL and returns a working lookup', async () => {
    const requested: string[] = [];
    const geocode = await loadGeocoder(fakeFetch(FILES, requested), BASE);
    expect(requested.sort()).toEqual(Object.keys(FILES).sort());
    expect(geocode('Paris, Texas')).toMatchObject({ matched: 'Paris, US', lat: 33.6609 });
    expect(geocode('EGY')).toMatchObject({ matched: 'Egypt, EG', precision: 'country' });
    expect(geocode('Gaza')).toMatchObject({ by: 'alias' });
  });

  it('accepts a base URL without its trailing slash', async () => {
    const geocode = await loadGeocoder(fakeFetch(FILES), BASE.slice(0, -1));
    expect(geocode('Cairo')?.matched).toBe('Cairo, EG');
  });

  it('names the file in its errors', async () => {
    await expect(loadGeocoder(fakeFetch({}), BASE)).rejects.toThrow(
      /geocoder data https:\/\/example\.org\/dateline\/geo\/.*404/,
    );
    const failing: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(loadGeocoder(failing, BASE)).rejects.toThrow(
      /could not be fetched \(Failed to fetch\)/,
    );
  });
});
