// `?source=<url>`: the address of a Dateline query service (scripts/serve-data/, DuckDB over
// Parquet) that the page asks for what the views need, instead of downloading a dataset. An
// http(s) address of a service, with no user name or password in it (a link is shared).
import { t } from '../../i18n';
import type { LinkParam } from '../params';
import { MAX_VALUE_LENGTH } from '../limits';

/** Whether `s` is an address the page may ask as a query source. */
export function isSourceUrl(s: string): boolean {
  if (s === '' || s.length > MAX_VALUE_LENGTH || s !== s.trim()) return false;
  try {
    const u = new URL(s);
    return (
      (u.protocol === 'http:' || u.protocol === 'https:') &&
      u.host !== '' &&
      u.username === '' &&
      u.password === '' &&
      u.hash === ''
    );
  } catch {
    return false;
  }
}

export const SOURCE_PARAMS: readonly LinkParam[] = [
  {
    name: 'source',
    read(value, view, notes) {
      if (isSourceUrl(value)) return { ...view, source: value };
      notes.reject(t('link.why.source'));
      return view;
    },
    write: (view) => (view.source !== undefined && isSourceUrl(view.source) ? view.source : null),
    arbitrary: (fc) =>
      fc
        .option(fc.webUrl({ withQueryParameters: false, withFragments: false }))
        .map((source) => (view) => (source === null ? view : { ...view, source })),
  },
];
