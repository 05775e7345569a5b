import { describe, it, expect } from 'vitest';
import type { Problem } from './dataset';
import { describeGroup, groupProblems, mostFailedColumn } from './problemGroups';

const bad = (row: number, value: string): Problem => ({
  severity: 'error',
  collection: 'events',
  row,
  column: 'event_date',
  message: `“${value}” is not a date`,
});

describe('groupProblems', () => {
  it('groups the same reason at the same column, whatever value it quotes', () => {
    const problems = [bad(3, '31-12-19'), bad(9, '30-12-19'), bad(14, 'x'), bad(20, 'y')];
    const warning: Problem = { severity: 'warning', collection: 'dataset', message: 'no title' };
    const groups = groupProblems([warning, ...problems]);
    expect(groups.map(describeGroup)).toEqual([
      '4 rows · column event_date: “31-12-19” is not a date (e.g. rows 3, 9, 14, …)',
      'dataset: no title',
    ]);
  });

  it('keeps different reasons and columns apart', () => {
    const other: Problem = { ...bad(4, 'z'), column: 'end_date' };
    expect(groupProblems([bad(3, 'a'), other]).map((g) => g.count)).toEqual([1, 1]);
  });

  it('names items by index in JSON', () => {
    const p = (index: number): Problem => ({
      severity: 'error',
      collection: 'features',
      index,
      field: 'geometry',
      message: 'not a Point',
    });
    expect(describeGroup(groupProblems([p(0), p(5)])[0]!)).toBe(
      '2 items · geometry: not a Point (e.g. features[0], features[5])',
    );
  });
});

describe('mostFailedColumn', () => {
  it('is the column most rejections name, when they are most of them', () => {
    expect(mostFailedColumn([bad(2, 'a'), bad(3, 'b')], 3)).toBe('event_date');
    expect(mostFailedColumn([bad(2, 'a')], 3)).toBeNull();
    expect(mostFailedColumn([], 0)).toBeNull();
  });
});
