// The locale the page writes dates and numbers in: the reader's language as the i18n setup
// (src/i18n) chose it, with their region, digits and calendar. Model code reads it here so that
// it needs no i18n library (workers and tests run it with the default: the browser's own).

let current: string | undefined;

/** A BCP 47 locale, or undefined for the browser's own. */
export function readerLocale(): string | undefined {
  return current;
}

export function setReaderLocale(locale: string | undefined): void {
  current = locale;
}

const counters = new Map<string, Intl.NumberFormat>();

/** A count as the reader's locale writes it: "1204" ("١٢٠٤" in Arabic); grouped, "1,204". */
export function formatCount(n: number, group = false): string {
  const key = `${current ?? ''}|${group}`;
  let f = counters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(current, { useGrouping: group });
    counters.set(key, f);
  }
  return f.format(n);
}
