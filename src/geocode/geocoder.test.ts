import { describe, expect, it } from 'vitest';
import { createGeocoder } from './geocoder';
import { ALIASES, NEVER_MATCH } from './aliases';
import { normalise } from './normalise';
import { TEST_DATA } from './testData';

const geocode = createGeocoder(TEST_DATA);
const matched = (place: string, hint?: string) => geocode(place, hint)?.matched ?? null;

describe('createGeocoder: cities', () => {
  it('answers a GeoNames city with its coordinates, canonical name and country', () => {
    expect(geocode('Cairo')).toEqual({
      lat: 30.0626,
      lon: 31.2497,
      precision: 'city',
      matched: 'Cairo, EG',
      by: 'geonames',
    });
  });

  it('matches regardless of case, accents and punctuation', () => {
    expect(matched('sao paulo')).toBe('São Paulo, BR');
    expect(matched('RÁMALLAH')).toBe('Ramallah, PS');
    expect(matched('saint-petersburg')).toBe('Saint Petersburg, RU');
    expect(matched('St. Petersburg')).toBe('Saint Petersburg, RU');
    expect(matched('Washington DC')).toBe('Washington, D.C., US');
    expect(matched('  the hague ')).toBe('The Hague, NL');
  });

  it('prefers the largest of several places of one name', () => {
    expect(matched('Paris')).toBe('Paris, FR');
    expect(geocode('Paris')?.lat).toBe(48.8534);
    expect(matched('Springfield')).toBe('Springfield, US');
    expect(geocode('Springfield')?.lat).toBe(37.2153); // Missouri, the larger
  });
});

describe('createGeocoder: hints', () => {
  it('reads "City, Country" and "City (Country)"', () => {
    expect(geocode('Paris, US')).toMatchObject({ matched: 'Paris, US', lat: 33.6609 });
    expect(geocode('Paris, United States')).toMatchObject({ lat: 33.6609 });
    expect(geocode('Paris (USA)')).toMatchObject({ lat: 33.6609 });
    expect(geocode('Paris, France')).toMatchObject({ lat: 48.8534 });
    expect(geocode('Cairo, Egypt')).toMatchObject({ matched: 'Cairo, EG' });
  });

  it('reads a US state as a hint, by name, AP abbreviation or postal code', () => {
    expect(geocode('Paris, Texas')).toMatchObject({ lat: 33.6609, matched: 'Paris, US' });
    expect(geocode('Paris, Ky.')).toMatchObject({ lat: 38.2098 });
    expect(geocode('Springfield, IL')).toMatchObject({ lat: 39.8017 });
    expect(geocode('Springfield, Illinois, USA')).toMatchObject({ lat: 39.8017 });
  });

  it('takes every reading of an ambiguous qualifier: CA is Canada and California', () => {
    expect(geocode('Paris, CA')).toMatchObject({ matched: 'Paris, CA', lat: 43.2 });
  });

  it('uses the countryHint argument, in any case, as a name or a code', () => {
    expect(geocode('Paris', 'US')).toMatchObject({ lat: 33.6609 });
    expect(geocode('Paris', 'us')).toMatchObject({ lat: 33.6609 });
    expect(geocode('Paris', 'USA')).toMatchObject({ lat: 33.6609 });
    expect(geocode('Paris', 'United States')).toMatchObject({ lat: 33.6609 });
    expect(geocode('London', 'CA')).toMatchObject({ matched: 'London, CA' });
  });

  it('returns nothing when the hint rules out every place of that name', () => {
    expect(geocode('Paris', 'DE')).toBeNull();
    expect(geocode('Cairo', 'Brazil')).toBeNull();
  });

  it('ignores a countryHint it cannot read', () => {
    expect(matched('Paris', 'Atlantis')).toBe('Paris, FR');
    expect(matched('Paris', 'N/A')).toBe('Paris, FR');
  });

  it('lets a hint name a neighbouring or disputed filing', () => {
    expect(matched('Ramallah', 'Israel')).toBe('Ramallah, PS');
    expect(matched('Simferopol', 'Russia')).toBe('Simferopol, UA');
    // ...but a place filed under the hint's own country still comes first.
    expect(geocode('Donetsk', 'RU')).toMatchObject({ matched: 'Donetsk, RU', lat: 48.3396 });
    expect(geocode('Donetsk')).toMatchObject({ matched: 'Donetsk, UA' });
    // GeoNames' other country codes count as the place's own.
    expect(matched('Laayoune, Morocco')).toBe('Laayoune, EH');
  });

  it('answers the qualifier itself when the place is not found in it', () => {
    expect(geocode('Unknownville, Egypt')).toMatchObject({
      matched: 'Egypt, EG',
      precision: 'country',
      by: 'country',
    });
    expect(geocode('Paris, Germany')).toMatchObject({ matched: 'Germany, DE' });
    expect(geocode('Beit Nowhere, West Bank')).toMatchObject({
      matched: 'West Bank, PS',
      precision: 'area',
    });
    // A state has no coordinates here, and "CA" is two places: nothing.
    expect(geocode('Smallville, Texas')).toBeNull();
    expect(geocode('Smallville, CA')).toBeNull();
  });

  it('ignores qualifiers it cannot read, but then wants a unique name', () => {
    expect(matched('Khan Yunis, southern Strip')).toBe('Khan Younis, PS'); // alias
    expect(matched('Ramallah, central hills')).toBe('Ramallah, PS'); // the only Ramallah
    expect(geocode('London, Ontario')).toBeNull(); // two Londons: guessing could be wrong
    expect(geocode('Springfield, Sangamon County')).toBeNull();
  });

  it('rejects qualifiers that contradict each other', () => {
    expect(geocode('Paris, Texas, France')).toBeNull();
  });

  it('finds the US city that shares a country name when a hint says so', () => {
    expect(geocode('Lebanon')).toMatchObject({ matched: 'Lebanon, LB', precision: 'country' });
    expect(geocode('Lebanon, Pennsylvania')).toMatchObject({ matched: 'Lebanon, US' });
    expect(geocode('Lebanon, PA')).toMatchObject({ matched: 'Lebanon, US' });
    expect(geocode('Lebanon', 'US')).toMatchObject({ matched: 'Lebanon, US' });
  });
});

describe('createGeocoder: aliases', () => {
  it('answers aliases first, at their own precision', () => {
    expect(geocode('Gaza Strip')).toMatchObject({
      precision: 'area',
      by: 'alias',
      matched: 'Gaza Strip, PS',
    });
    expect(geocode('the Gaza Strip')).toMatchObject({ matched: 'Gaza Strip, PS' });
    expect(geocode('Gaza')).toMatchObject({ matched: 'Gaza Strip, PS', precision: 'area' });
    expect(geocode('Gaza City')).toMatchObject({ matched: 'Gaza City, PS', precision: 'city' });
    expect(geocode('West Bank')).toMatchObject({ precision: 'area' });
    expect(geocode('Golan Heights')).toMatchObject({ precision: 'region' });
    expect(geocode('Donbass')).toMatchObject({ matched: 'Donbas, UA', precision: 'region' });
    expect(geocode('Crimea')).toMatchObject({ precision: 'region' });
    expect(geocode('Kurdistan Region')).toMatchObject({ matched: 'Kurdistan Region, IQ' });
    expect(geocode('Sinai')).toMatchObject({ matched: 'Sinai, EG' });
  });

  it('maps news spellings to the same place', () => {
    const a = geocode('Khan Younis');
    expect(a).toMatchObject({ by: 'alias', precision: 'city', matched: 'Khan Younis, PS' });
    expect(geocode('khan yunis')).toEqual(a);
    expect(geocode('Rafah crossing')).toMatchObject({ precision: 'area' });
    expect(geocode('Kerem Shalom')).toMatchObject({ matched: 'Kerem Shalom, IL' });
    expect(geocode('Kiev')).toMatchObject({ matched: 'Kyiv, UA' });
  });

  it('beats a GeoNames namesake that news does not mean', () => {
    expect(geocode('Jenin')).toMatchObject({ matched: 'Jenin, PS' }); // not the Polish village
    expect(geocode('Washington')).toMatchObject({ matched: 'Washington, D.C., US' });
    expect(geocode('Geneva')).toMatchObject({ matched: 'Geneva, CH' });
  });

  it('gives way to a hint that points elsewhere', () => {
    expect(geocode('Geneva, Illinois')).toMatchObject({ matched: 'Geneva, US', lat: 41.8875 });
    expect(geocode('Washington', 'GB')).toMatchObject({ matched: 'Washington, GB' });
    // "England" is no hint, but the countryHint is, and leaves one Washington.
    expect(geocode('Washington, England', 'GB')).toMatchObject({ matched: 'Washington, GB' });
  });

  it('gives every alias a source, a known precision and names that no other alias uses', () => {
    const seen = new Map<string, string>();
    for (const a of ALIASES) {
      expect(a.source.length).toBeGreaterThan(8);
      expect(['city', 'area', 'region']).toContain(a.precision);
      expect(a.country).toMatch(/^[A-Z]{2}$/);
      expect(Math.abs(a.lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(a.lon)).toBeLessThanOrEqual(180);
      for (const k of new Set(a.names.map(normalise))) {
        const n = a.names[0] ?? k;
        // [name, the alias that already has it]: a second alias with the name fails here.
        expect([k, seen.get(k)]).toEqual([k, undefined]);
        expect(NEVER_MATCH.map(normalise)).not.toContain(k);
        seen.set(k, n);
      }
    }
  });
});

describe('createGeocoder: countries', () => {
  it('answers a country by name, alpha-2 or alpha-3 code', () => {
    const egypt = {
      lat: 26.4596,
      lon: 29.8779,
      precision: 'country',
      matched: 'Egypt, EG',
      by: 'country',
    };
    expect(geocode('Egypt')).toEqual(egypt);
    expect(geocode('EG')).toEqual(egypt);
    expect(geocode('EGY')).toEqual(egypt);
    expect(geocode('egypt')).toEqual(egypt);
    expect(geocode('U.S.')).toMatchObject({ matched: 'United States, US' });
    expect(geocode('the Netherlands')).toMatchObject({ matched: 'Netherlands, NL' });
    expect(geocode('Holland')).toMatchObject({ matched: 'Netherlands, NL' });
  });

  it('reads codes only in capitals', () => {
    expect(geocode('eg')).toBeNull();
  });

  it('does not answer a name two countries share', () => {
    expect(geocode('Congo')).toBeNull();
    expect(geocode('DR Congo')).toMatchObject({ matched: 'DR Congo, CD' });
  });

  it('answers Georgia the country, and Georgia the state only as a hint', () => {
    expect(geocode('Georgia')).toMatchObject({ matched: 'Georgia, GE' });
    expect(geocode('Cairo, Georgia')).toMatchObject({ matched: 'Cairo, US', lat: 30.8775 });
  });
});

describe('createGeocoder: no match', () => {
  it('returns null for empty, vague and unknown names', () => {
    for (const name of ['', '   ', '-', 'the region', 'The Region', 'region', 'Unknown', 'N/A'])
      expect([name, geocode(name)]).toEqual([name, null]);
    expect(geocode('Atlantis')).toBeNull();
    expect(geocode('Kurdistan')).toBeNull(); // four countries
  });

  it('never matches a vague word even when GeoNames has a town of that name', () => {
    expect(geocode('Centre')).toBeNull(); // Centre, Alabama
    expect(geocode('center')).toBeNull();
  });

  it('does not guess: no prefix, substring or near-miss matching', () => {
    expect(geocode('Pari')).toBeNull();
    expect(geocode('Pariss')).toBeNull();
    expect(geocode('Paris Texas')).toBeNull(); // without the comma it is one (unknown) name
    expect(geocode('Greater Cairo')).toBeNull();
    expect(geocode('Cairo Governorate')).toBeNull();
  });
});
