import { describe, it, expect } from 'vitest';
import { formatIsoDate, formatMoment, formatPartialDate, formatSpan } from './dateFormat';
import { parsePartialDate, type PartialDate } from './time';
import { setReaderLocale } from './readerLocale';

/** Parses or fails the test with the parser's own reason. */
function parse(text: string): PartialDate {
  const p = parsePartialDate(text);
  if (typeof p === 'string') throw new Error(`expected "${text}" to parse, got: ${p}`);
  return p;
}

const gb = (text: string, precision?: PartialDate['resolution']) =>
  formatPartialDate(parse(text), precision, 'en-GB');
const spanGb = (a: string, b: string | undefined, precision: PartialDate['resolution']) =>
  formatSpan(parse(a), b === undefined ? undefined : parse(b), precision, 'en-GB');

describe('formatPartialDate', () => {
  it('prints at the date’s own resolution by default', () => {
    expect(gb('2025')).toBe('2025');
    expect(gb('2025-02')).toBe('Feb 2025');
    expect(gb('2025-02-27')).toBe('27 Feb 2025');
    expect(gb('2025-12-01')).toBe('1 Dec 2025');
  });

  it('prints times in the offset they were written in, never the reader’s', () => {
    expect(gb('2025-02-27T23:00+02:00')).toBe('27 Feb 2025, 23:00 UTC+2');
    expect(gb('2025-02-27T09:05-05:30')).toBe('27 Feb 2025, 09:05 UTC−5:30');
    expect(gb('2025-02-27T09:05Z')).toBe('27 Feb 2025, 09:05 UTC');
    expect(gb('2025-02-27T09:05')).toBe('27 Feb 2025, 09:05 UTC');
  });

  it('prints at a coarser precision when asked', () => {
    expect(gb('2025-02-27T23:00+02:00', 'hour')).toBe('27 Feb 2025, 23:00 UTC+2');
    expect(gb('2025-02-27T23:00+02:00', 'day')).toBe('27 Feb 2025');
    expect(gb('2025-02-27T23:00+02:00', 'month')).toBe('Feb 2025');
    expect(gb('2025-02-27T23:00+02:00', 'year')).toBe('2025');
  });

  it('follows the locale’s order, words and clock', () => {
    const d = parse('2025-02-27');
    expect(formatPartialDate(d, 'day', 'en-US')).toBe('Feb 27, 2025');
    expect(formatPartialDate(d, 'day', 'de-DE')).toBe('27. Feb. 2025');
    expect(formatPartialDate(d, 'day', 'fr-FR')).toBe('27 févr. 2025');
    expect(formatPartialDate(parse('2025-02-27T23:00+02:00'), 'hour', 'en-US')).toBe(
      'Feb 27, 2025, 11:00\u202fPM UTC+2',
    );
  });

  it('keeps the Gregorian calendar whatever the locale’s own', () => {
    // Thai's default calendar is Buddhist (2568); the data is written in the Gregorian one.
    expect(formatPartialDate(parse('2025'), 'year', 'th-TH')).toContain('2025');
    expect(formatPartialDate(parse('2025-02-27'), 'day', 'fa-IR')).not.toMatch(/1403/);
  });

  it('says years before 1 CE and after 9999 the way a reader does, in the locale’s pattern', () => {
    expect(gb('-0499')).toBe('500 BCE');
    expect(gb('0000')).toBe('1 BCE');
    expect(gb('-0043-03-15')).toBe('15 Mar 44 BCE');
    expect(formatPartialDate(parse('-0043-03-15'), 'day', 'en-US')).toBe('Mar 15, 44 BCE');
    expect(gb('+12025')).toBe('12,025');
    expect(gb('-13799999999')).toBe('13.8 billion BCE');
    expect(gb('0079')).toBe('79');
  });
});

describe('formatSpan', () => {
  it('prints a single date when there is no end or both ends read the same', () => {
    expect(spanGb('2025-02-27', undefined, 'day')).toBe('27 Feb 2025');
    expect(spanGb('2025-02-27', '2025-02-27', 'day')).toBe('27 Feb 2025');
    expect(spanGb('2025-02-27T10:00Z', '2025-02-27T18:00Z', 'day')).toBe('27 Feb 2025');
  });

  it('shares what both ends share, as the locale does', () => {
    expect(spanGb('2025-02-26', '2025-02-27', 'day')).toBe('26 – 27 Feb 2025');
    expect(spanGb('2025-02-27', '2025-03-01', 'day')).toBe('27 Feb – 1 Mar 2025');
    expect(spanGb('2024-12-30', '2025-01-02', 'day')).toBe('30 Dec 2024 – 2 Jan 2025');
    expect(spanGb('2025-02', '2025-03', 'month')).toBe('Feb – Mar 2025');
    expect(spanGb('2024', '2025', 'year')).toBe('2024 – 2025');
    expect(formatSpan(parse('2025-02-26'), parse('2025-02-27'), 'day', 'en-US')).toBe(
      'Feb 26 – 27, 2025',
    );
  });

  it('gives a time span its offset once, and each end its own when they differ', () => {
    expect(spanGb('2025-02-27T23:00+02:00', '2025-02-28T01:00+02:00', 'hour')).toBe(
      '27 Feb 2025, 23:00 – 28 Feb 2025, 01:00 UTC+2',
    );
    expect(spanGb('2025-02-27T23:00+02:00', '2025-02-28T01:00Z', 'hour')).toBe(
      '27 Feb 2025, 23:00 UTC+2 – 28 Feb 2025, 01:00 UTC',
    );
  });

  it('says BCE on each end that needs it', () => {
    expect(spanGb('-0499', '-0399', 'year')).toBe('500 BCE – 400 BCE');
    expect(spanGb('-0099', '0050', 'year')).toBe('100 BCE – 50');
    expect(spanGb('-0499', '2025', 'year')).toBe('500 BCE – 2025');
    expect(spanGb('-13649999999', '-12799999999', 'year')).toBe(
      '13.65 billion BCE – 12.8 billion BCE',
    );
  });
});

describe('formatIsoDate and formatMoment', () => {
  it('formats an ISO date at its precision, and leaves other text as it is', () => {
    expect(formatIsoDate('2025-02-27', 'en-GB')).toBe('27 Feb 2025');
    expect(formatIsoDate('2025-02', 'en-GB')).toBe('Feb 2025');
    expect(formatIsoDate('late February', 'en-GB')).toBe('late February');
  });

  it('formats a moment in the locale, to the minute', () => {
    const text = formatMoment(Date.UTC(2025, 1, 27, 12, 0), 'en-GB');
    expect(text).toMatch(/2025/);
    expect(text).toMatch(/\d{2}:\d{2}/);
  });
});

describe('dates in the reader’s language', () => {
  const day = parsePartialDate('2025-02-27') as PartialDate;

  it('writes Arabic with Arabic-Indic digits, Gregorian by default', () => {
    expect(formatPartialDate(day, 'day', 'ar-u-nu-arab')).toBe('٢٧ فبراير ٢٠٢٥');
  });

  it('writes the Hijri date when the locale asks for that calendar', () => {
    expect(formatPartialDate(day, 'day', 'ar-u-ca-islamic-umalqura-nu-arab')).toMatch(
      /^٢٨ شعبان ١٤٤٦/,
    );
  });

  it('follows the reader’s locale when given none', () => {
    setReaderLocale('he');
    try {
      expect(formatPartialDate(day)).toBe(
        new Intl.DateTimeFormat('he', {
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(Date.UTC(2025, 1, 27)),
      );
    } finally {
      setReaderLocale(undefined);
    }
  });
});
