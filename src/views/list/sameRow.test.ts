import { describe, expect, it } from 'vitest';
import { fixtureDataset } from '../../test-utils/fixture';
import { queryTerms } from '../../model/filter/highlight';
import { sameRow, type EventRowProps } from './EventRow';

const [a, b] = fixtureDataset().events;
const NO_TERMS = queryTerms('');
const row = (change: Partial<EventRowProps> = {}): EventRowProps => ({
  event: a!,
  index: 3,
  setSize: 10,
  selected: false,
  hovered: false,
  style: { top: 168, height: 56 },
  terms: NO_TERMS,
  dataLang: undefined,
  locale: 'en-GB',
  ...change,
});

describe('sameRow', () => {
  it('takes a row drawn again with new but equal style and data objects as the same', () => {
    expect(sameRow(row(), row())).toBe(true);
    expect(sameRow(row({ data: { 'data-row': 3 } }), row({ data: { 'data-row': 3 } }))).toBe(true);
  });

  it('sees every change of what the row shows', () => {
    const changes: Array<Partial<EventRowProps>> = [
      { event: b! },
      { index: 4 },
      { setSize: 11 },
      { selected: true },
      { hovered: true },
      { terms: queryTerms('talks') },
      { dataLang: 'ar' },
      { locale: 'ar-u-ca-islamic-umalqura' },
      { style: { top: 224, height: 56 } },
      { style: { top: 168 } },
      { data: { 'data-row': 4 } },
    ];
    for (const change of changes) expect.soft(sameRow(row(), row(change))).toBe(false);
  });
});
