import { describe, expect, it } from 'vitest';
import { erasOf } from './eras';

describe('erasOf', () => {
  it('reads eras as bands from the first ms of the start to the end of the end day', () => {
    const eras = erasOf({
      extra: { eras: [{ title: 'Phase one', start: '2025-01-19', end: '2025-03-01' }] },
    });
    expect(eras).toEqual([
      {
        id: 'dl:era:0',
        type: 'background',
        title: 'Phase one',
        start: Date.parse('2025-01-19T00:00:00Z'),
        end: Date.parse('2025-03-02T00:00:00Z'),
        className: 'dl-era dl-era-even',
      },
    ]);
  });

  it('orders eras in time and alternates their shades', () => {
    const eras = erasOf({
      extra: {
        eras: [
          { title: 'Later', start: '2000', end: '2010' },
          { title: 'Earlier', start: '1990', end: '1999' },
        ],
      },
    });
    expect(eras.map((e) => [e.title, e.className])).toEqual([
      ['Earlier', 'dl-era dl-era-even'],
      ['Later', 'dl-era dl-era-odd'],
    ]);
    expect(eras[1]!.end).toBe(Date.parse('2011-01-01T00:00:00Z'));
  });

  it('leaves out what is not an era, whatever the file held', () => {
    expect(erasOf(null)).toEqual([]);
    expect(erasOf({})).toEqual([]);
    expect(erasOf({ extra: { eras: 'not a list' } })).toEqual([]);
    const eras = erasOf({
      extra: {
        eras: [
          null,
          'text',
          { title: '', start: '2020', end: '2021' },
          { title: 'Bad date', start: 'soon', end: '2021' },
          { title: 'Backwards', start: '2021', end: '2020' },
          { title: '<b>Kept as text</b>', start: '-0499', end: '-0400' },
        ],
      },
    });
    expect(eras.map((e) => e.title)).toEqual(['<b>Kept as text</b>']);
  });
});
