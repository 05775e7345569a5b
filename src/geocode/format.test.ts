import { describe, expect, it } from 'vitest';
import { CITIES_MAGIC, formatCities, formatCoord, parseCities, parseCountries } from './format';
import { TEST_CITIES, TEST_COUNTRIES } from './testData';

describe('cities file format', () => {
  it('round-trips every field', () => {
    const text = formatCities(TEST_CITIES, 'test');
    expect(text.startsWith(`${CITIES_MAGIC}\ttest\n`)).toBe(true);
    expect(parseCities(text)).toEqual(TEST_CITIES);
  });

  it('leaves trailing empty fields off', () => {
    const text = formatCities(
      [
        { name: 'Cairo', country: 'EG', lat: 30.0626, lon: 31.2497, population: 7734614 },
        {
          name: 'Laayoune',
          country: 'EH',
          lat: 27.1418,
          lon: -13.188,
          population: 1,
          altCountries: ['MA'],
        },
      ],
      'x',
    );
    expect(text.split('\n').slice(1)).toEqual([
      'Cairo\tEG\t30.0626\t31.2497\t7734614',
      'Laayoune\tEH\t27.1418\t-13.188\t1\t\tMA',
      '',
    ]);
  });

  it('rounds coordinates to 4 decimals without trailing zeros', () => {
    expect(formatCoord(31.50161)).toBe('31.5016');
    expect(formatCoord(-0.00001)).toBe('0');
    expect(formatCoord(34.5)).toBe('34.5');
  });

  it('refuses a file that is not a cities file', () => {
    expect(() => parseCities('<!doctype html>\n<html>')).toThrow(/first line/);
    expect(() => parseCities(`${CITIES_MAGIC}\nCairo\tEG\tx\t1\t1\n`)).toThrow(/line 2/);
  });

  it('reads a countries file and refuses another version', () => {
    expect(parseCountries({ version: 1, source: '', countries: TEST_COUNTRIES })).toBe(
      TEST_COUNTRIES,
    );
    expect(() => parseCountries({ version: 2, countries: [] })).toThrow(/version/);
    expect(() => parseCountries(null)).toThrow(/countries file/);
  });
});
