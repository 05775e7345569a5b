// A translated sentence with data inside it, as segments: text of the UI, and values from the
// data to be shown each in its own isolate (<bdi>), so an Arabic name in an English sentence (or
// a Latin one in an Arabic sentence) cannot reorder the words around it, wherever the language
// puts the value. The sentence stays one message in the catalogues: the values are marked with
// private-use characters while it is formatted, then split out.
import { t } from '.';

/** A piece of a sentence: the UI's own text, or a value from the data (`{ data }`). */
export type Segment = string | { readonly data: string };

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = /\uE000([^\uE001]*)\uE001/;

/** The message `key` with `values`, those named in `isolate` as data segments. */
export function isolatedParts(
  key: string,
  values: Readonly<Record<string, string | number>>,
  isolate: readonly string[],
  translate: (key: string, values: Record<string, string | number>) => string = t,
): Segment[] {
  const marked: Record<string, string | number> = { ...values };
  for (const name of isolate) marked[name] = `${OPEN}${name}${CLOSE}`;
  return translate(key, marked)
    .split(MARK)
    .map((part, i) => (i % 2 === 0 ? part : { data: String(values[part] ?? '') }))
    .filter((s) => s !== '');
}

/** Segments as DOM nodes (for views built without React: the map's chooser). */
export function segmentNodes(segments: readonly Segment[]): Node[] {
  return segments.map((s) => {
    if (typeof s === 'string') return document.createTextNode(s);
    const bdi = document.createElement('bdi');
    bdi.textContent = s.data;
    return bdi;
  });
}
