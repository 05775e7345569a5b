// The pure geocoder: place name (+ optional country hint) -> coordinates, synchronously, from data
// already in memory. No DOM and no Node API: it runs in the import worker.
//
// Order, for one name:
//   1. NEVER_MATCH ("the region", "unknown") -> null
//   2. aliases (aliases.ts): curated news names -> their entry, unless a hint points elsewhere
//   3. countries: "Egypt", "EG", "EGY" -> the country's centroid. Before cities, because GeoNames
//      has a Lebanon (Pennsylvania), a Mexico (Missouri), a Peru (Indiana) and a Jordan (Minnesota);
//      a hint that points elsewhere ("Lebanon, PA") still reaches the city.
//   4. GeoNames cities of exactly that name: in the hint's country first, then the largest.
// Nothing fuzzy: a name that is not in the data after normalisation gets null, because a wrong
// place is worse than none.
//
// "City, Qualifier" and "City (Qualifier)": a qualifier that is a country, a US state or an alias
// narrows the cities to that country (or state). When the city is not found there, the answer is
// the qualifier itself, at its own precision ("Unknownville, Egypt" -> Egypt, precision country).
// A qualifier that means nothing to the geocoder ("Jabalia, northern Gaza") is ignored, but then a
// GeoNames name must be unique to count ("London, Ontario" is null, not London, GB).
// The countryHint argument narrows the same way but is never returned on its own: a row whose
// place is not found stays unplaced, and the caller may geocode its country column if it wants.
import { ALIASES, NEVER_MATCH } from './aliases';
import { asCode, normalise, withoutArticle } from './normalise';
import type { Alias, City, Country, Geocoded, GeocodeFn, GeocoderData } from './types';
import { US_STATES } from './usStates';

/**
 * Places filed under one code that a hint may name with another: disputed or occupied
 * territories, and territories inside a larger state. Tried only when the hint's own country has
 * no place of that name ("Ramallah, Israel" finds Ramallah, PS; "Donetsk, Russia" still finds
 * the town of Donetsk in Rostov oblast first).
 */
const RELATED: Record<string, readonly string[]> = {
  IL: ['PS', 'SY'],
  PS: ['IL'],
  SY: ['IL'],
  UA: ['RU'],
  RU: ['UA', 'GE'],
  GE: ['RU'],
  MA: ['EH'],
  EH: ['MA'],
  RS: ['XK'],
  XK: ['RS'],
  CN: ['TW', 'HK', 'MO'],
  TW: ['CN'],
  HK: ['CN'],
  MO: ['CN'],
  IN: ['PK', 'CN'],
  PK: ['IN'],
  AZ: ['AM'],
  AM: ['AZ'],
  SD: ['SS'],
  SS: ['SD'],
  CY: ['TR'],
};

/** One way to read a hint: a country, or a US state (country US with its postal code). */
interface HintOption {
  country: string;
  admin?: string;
}

interface Qualifier {
  options: HintOption[];
  /** What the qualifier itself geocodes to, when that is unambiguous. */
  self: Geocoded | null;
}

const NO_QUALIFIER: Qualifier = { options: [], self: null };

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function createGeocoder(data: GeocoderData): GeocodeFn {
  const never = new Set(NEVER_MATCH.map(normalise));

  const aliasByKey = new Map<string, Alias>();
  for (const a of data.aliases ?? ALIASES)
    for (const n of a.names) if (!aliasByKey.has(normalise(n))) aliasByKey.set(normalise(n), a);

  const countryByCode = new Map<string, Country>();
  const countriesByName = new Map<string, Country[]>();
  for (const c of data.countries) {
    countryByCode.set(c.code, c);
    if (c.alpha3) countryByCode.set(c.alpha3, c);
    for (const n of new Set(c.names.map(normalise))) pushTo(countriesByName, n, c);
  }
  // A name two countries share ("Congo") names neither.
  const countryByName = new Map<string, Country>();
  for (const [k, list] of countriesByName)
    if (list.length === 1 && list[0]) countryByName.set(k, list[0]);

  const stateByName = new Map<string, string>();
  const statePostal = new Set<string>();
  for (const [postal, name, ap] of US_STATES) {
    statePostal.add(postal);
    stateByName.set(normalise(name), postal);
    if (ap) stateByName.set(normalise(ap), postal);
  }

  const citiesByKey = new Map<string, City[]>();
  for (const c of data.cities) pushTo(citiesByKey, normalise(c.name), c);

  const fromAlias = (a: Alias): Geocoded => ({
    lat: a.lat,
    lon: a.lon,
    precision: a.precision,
    matched: `${a.names[0]}, ${a.country}`,
    by: 'alias',
  });
  const fromCountry = (c: Country): Geocoded => ({
    lat: c.lat,
    lon: c.lon,
    precision: 'country',
    matched: `${c.name}, ${c.code}`,
    by: 'country',
  });
  const fromCity = (c: City): Geocoded => ({
    lat: c.lat,
    lon: c.lon,
    precision: 'city',
    matched: `${c.name}, ${c.country}`,
    by: 'geonames',
  });

  /** Reads a hint. `lenientCodes`: lower-case codes count too (a country column's "eg"). */
  function qualifier(text: string, lenientCodes: boolean): Qualifier {
    const key = normalise(text);
    if (!key || never.has(key)) return NO_QUALIFIER;
    const options: HintOption[] = [];
    const selves: Geocoded[] = [];
    const code =
      asCode(text) ??
      (lenientCodes && /^[a-z]{2,3}$/i.test(text.trim()) ? text.trim().toUpperCase() : null);
    for (const k of new Set([key, withoutArticle(key)])) {
      const alias = aliasByKey.get(k);
      if (alias) {
        options.push({ country: alias.country });
        selves.push(fromAlias(alias));
      }
      const country = countryByName.get(k);
      if (country) {
        options.push({ country: country.code });
        selves.push(fromCountry(country));
      }
      const state = stateByName.get(k);
      if (state) options.push({ country: 'US', admin: state });
    }
    if (code) {
      const country = countryByCode.get(code);
      if (country) {
        options.push({ country: country.code });
        selves.push(fromCountry(country));
      }
      if (statePostal.has(code)) options.push({ country: 'US', admin: code });
    }
    // "Georgia" is a country and a state: both are options, and neither is the answer on its own.
    const unique = new Map(options.map((o) => [`${o.country}/${o.admin ?? ''}`, o]));
    const distinctSelves = new Set(selves.map((s) => s.matched));
    return {
      options: [...unique.values()],
      self: unique.size === 1 && distinctSelves.size === 1 ? (selves[0] ?? null) : null,
    };
  }

  function inOption(c: City, o: HintOption): boolean {
    if (o.admin && c.admin !== o.admin) return false;
    return c.country === o.country || (c.altCountries?.includes(o.country) ?? false);
  }

  /** `single`: only a name that leaves exactly one candidate counts (see geocode's loop). */
  function bestCity(key: string, options: readonly HintOption[], single: boolean): City | null {
    const all = citiesByKey.get(key);
    if (!all) return null;
    let pool = all;
    if (options.length) {
      pool = all.filter((c) => options.some((o) => inOption(c, o)));
      if (!pool.length)
        pool = all.filter((c) =>
          options.some((o) => !o.admin && (RELATED[o.country]?.includes(c.country) ?? false)),
        );
    }
    if (single && pool.length !== 1) return null;
    let best: City | null = null;
    for (const c of pool) if (!best || c.population > best.population) best = c;
    return best;
  }

  function countryFits(code: string, options: readonly HintOption[]): boolean {
    return options.some(
      (o) => !o.admin && (o.country === code || (RELATED[o.country]?.includes(code) ?? false)),
    );
  }

  /** One place name, no qualifier in it. */
  function place(text: string, options: readonly HintOption[], single = false): Geocoded | null {
    const full = normalise(text);
    if (!full || never.has(full)) return null;
    const keys = [...new Set([full, withoutArticle(full)])];
    if (keys.some((k) => never.has(k))) return null;
    for (const k of keys) {
      const alias = aliasByKey.get(k);
      // An alias is one place; a hint that points elsewhere ("Odesa, Texas") rules it out.
      if (
        alias &&
        (!options.length ||
          options.some((o) =>
            agree({ country: alias.country, ...(alias.admin ? { admin: alias.admin } : {}) }, o),
          ))
      )
        return fromAlias(alias);
    }
    const code = asCode(text);
    const country =
      keys.map((k) => countryByName.get(k)).find(Boolean) ??
      (code ? countryByCode.get(code) : undefined);
    if (country) {
      if (!options.length || countryFits(country.code, options)) return fromCountry(country);
      // "Lebanon, Pennsylvania": the hint points elsewhere, so look for a city of that name there.
    }
    for (const k of keys) {
      const city = bestCity(k, options, single);
      if (city) return fromCity(city);
    }
    return null;
  }

  /** Whether option o (of one qualifier) agrees with option p (of another). */
  function agree(o: HintOption, p: HintOption): boolean {
    if (p.country === o.country) return !p.admin || !o.admin || p.admin === o.admin;
    return RELATED[p.country]?.includes(o.country) ?? false;
  }

  /** Options that fit every qualifier: "Paris, Texas, USA" -> US/TX; "Paris, Texas, France" -> none. */
  function combine(quals: readonly Qualifier[]): HintOption[] | null {
    const [first, ...rest] = quals;
    if (!first) return [];
    const fits = first.options.filter((o) => rest.every((q) => q.options.some((p) => agree(o, p))));
    return fits.length ? fits : null;
  }

  return function geocode(placeName: string, countryHint?: string): Geocoded | null {
    const text = placeName.replace(/\s+/g, ' ').trim();
    if (!text) return null;
    const hinted = countryHint ? qualifier(countryHint, true).options : [];

    const whole = place(text, hinted);
    if (whole) return whole;

    // "City (Qualifier)" reads as "City, Qualifier".
    const paren = /^(.*?)\s*\(([^()]*)\)$/.exec(text);
    const parts = (paren ? [paren[1] ?? '', paren[2] ?? ''] : text.split(','))
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length < 2) return null;

    let fallback: Geocoded | null = null;
    // The longest place first: "Washington, D.C., USA" tries "Washington, D.C." with the hint USA.
    for (let k = parts.length - 1; k >= 1; k--) {
      const name = parts.slice(0, k).join(', ');
      const read = parts.slice(k).map((q) => qualifier(q, false));
      const quals = read.filter((q) => q.options.length);
      // A qualifier the geocoder cannot read ("London, Ontario") may be the very thing that tells
      // two places apart, so with one of those a city counts only when its name is unique.
      const single = quals.length < read.length;
      if (!quals.length) {
        const found = place(name, hinted, single);
        if (found) return found;
        continue;
      }
      const options = combine(quals);
      if (!options) continue; // qualifiers that contradict each other
      const found = place(name, options, single);
      if (found) return found;
      if (k === 1) fallback = quals[0]?.self ?? null;
    }
    return fallback;
  };
}
