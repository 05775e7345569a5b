// The view as a link: `parseViewState` reads a query string (and a TimelineJS-style hash) into a
// ViewState, `buildViewState` writes one back. Both run the table of parameters (./params.ts),
// so the two stay each other's inverse: parse(build(s)) gives s back, and build(parse(url)) is a
// stable, canonical link.
//
//   ?event=talks-begin-cairo&actors=hamas,israel&from=2025-02-20&to=2025-03-05&q=prisoners
//
// Parsing never throws: a malformed parameter is dropped with one notice saying which and why,
// and the rest of the link still applies, in the page's language (link.* in the catalogues).
// Whether ids exist in the dataset is checked elsewhere.
import type * as FastCheck from 'fast-check';
import { t } from '../i18n';
import { formatCount } from '../model/readerLocale';
import { isSlug } from '../model/ids';
import { NO_FILTERS } from '../model/filter/types';
import { toWellFormed } from './fields';
import { MAX_VALUE_LENGTH } from './limits';
import { clip, LINK_PARAMS } from './params';
import type { ViewState } from './types';

export interface ParsedView {
  state: ViewState;
  notices: string[];
}

export const DEFAULT_VIEW_STATE: ViewState = {
  event: null,
  filters: NO_FILTERS,
  window: null,
  map: null,
  data: null,
};

const HASH_PREFIX = 'event-';

/**
 * Reads a view from a query string ("?a=b&c=d" or "a=b&c=d") and, optionally, a location hash
 * ("#event-<id>", as TimelineJS links are written). Never throws.
 */
export function parseViewState(search: string, hash?: string): ParsedView {
  const notices: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(typeof search === 'string' ? search : '');
  } catch {
    params = new URLSearchParams();
  }

  /** The first value of a parameter, trimmed; null when absent, blank or too long. */
  const get = (name: string): string | null => {
    const all = params.getAll(name);
    if (all.length === 0) return null;
    if (all.length > 1) {
      notices.push(t('link.repeated', { name, count: all.length, n: formatCount(all.length) }));
    }
    const value = (all[0] ?? '').trim();
    if (value === '') return null;
    if (value.length > MAX_VALUE_LENGTH) {
      notices.push(
        t('link.tooLong', {
          name,
          value: `"${clip(value)}"`,
          length: formatCount(value.length),
          max: formatCount(MAX_VALUE_LENGTH),
        }),
      );
      return null;
    }
    return value;
  };

  let state = DEFAULT_VIEW_STATE;
  for (const param of LINK_PARAMS) {
    const value = get(param.name);
    if (value !== null) {
      state = param.read(value, state, {
        note: (text) => notices.push(text),
        reject: (why) =>
          notices.push(t('link.ignored', { name: param.name, value: `"${clip(value)}"`, why })),
      });
    } else if (param.name === 'event' && typeof hash === 'string') {
      state = readHash(hash, state, notices);
    }
  }
  return { state, notices };
}

/** A TimelineJS-style "#event-<id>", read when the link gives no ?event=. */
function readHash(hash: string, state: ViewState, notices: string[]): ViewState {
  let h = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    h = decodeURIComponent(h);
  } catch {
    // keep it as written
  }
  if (!h.startsWith(HASH_PREFIX)) return state;
  const id = h.slice(HASH_PREFIX.length).trim();
  if (isSlug(id)) return { ...state, event: id };
  notices.push(
    t('link.ignoredHash', {
      value: clip(h),
      why: t('link.why.eventId', { rule: t('link.why.idRule') }),
    }),
  );
  return state;
}

/** Percent-encodes like encodeURIComponent, but leaves , : / readable and escapes ' ( ) ! *. */
function encode(value: string): string {
  return encodeURIComponent(toWellFormed(value))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2C/g, ',')
    .replace(/%3A/g, ':')
    .replace(/%2F/g, '/');
}

/**
 * Writes a view as a query string with a leading "?", or "" when everything is the default.
 * Only what parseViewState accepts is written: invalid ids, unknown values, a start day after the
 * end day, a bad window or map view are left out, so the link never earns a notice.
 */
export function buildViewState(state: ViewState): string {
  const out: string[] = [];
  for (const param of LINK_PARAMS) {
    const value = param.write(state);
    if (value !== null && value !== '') out.push(`${param.name}=${encode(value)}`);
  }
  return out.length === 0 ? '' : `?${out.join('&')}`;
}

/** Every valid view, built from each parameter's values: for the round-trip property tests. */
export function viewStateArbitrary(fc: typeof FastCheck): FastCheck.Arbitrary<ViewState> {
  return fc
    .tuple(...LINK_PARAMS.map((param) => param.arbitrary(fc)))
    .map((changes) => changes.reduce((view, change) => change(view), DEFAULT_VIEW_STATE));
}
