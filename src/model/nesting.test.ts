import { describe, expect, it } from 'vitest';
import { loadDataset } from './load';
import { capDepth, capFields, CUT, MAX_DEPTH, nestsDeeper, safeJson } from './nesting';

/** An array nested `n` deep, built without recursion (as JSON.parse would give it). */
function deep(n: number): unknown {
  return JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`);
}

describe('nesting', () => {
  it('tells a value nested deeper than the limit, without walking all of it', () => {
    expect(nestsDeeper(deep(MAX_DEPTH))).toBe(false);
    expect(nestsDeeper(deep(MAX_DEPTH + 1))).toBe(true);
    expect(nestsDeeper(deep(100_000))).toBe(true);
    expect(nestsDeeper('text')).toBe(false);
  });

  it('cuts at the limit, keeping every key, __proto__ included', () => {
    const value = JSON.parse('{"__proto__": {"a": [[["x"]]]}}') as unknown;
    const cut = capDepth(value, 3) as Record<string, unknown>;
    expect(Object.hasOwn(cut, '__proto__')).toBe(true);
    expect(JSON.stringify(cut)).toBe(`{"__proto__":{"a":[${JSON.stringify(CUT)}]}}`);
    expect(() => safeJson(deep(100_000))).not.toThrow();
  });

  it('copies nothing when no field is too deep', () => {
    const record = { a: 'x', b: [1, 2] };
    expect(capFields(record)).toEqual({ value: record, cut: [] });
    expect(capFields(record).value).toBe(record);
  });

  it('the loader cuts an extra value nested 100,000 deep, with a warning naming it', () => {
    const doc = JSON.parse(
      `{"format":"dateline/1","title":"T","extra":{"top":${'['.repeat(100_000)}${']'.repeat(100_000)}},` +
        `"events":[{"id":"deep","title":"Deep","type":"other","status":"occurred",` +
        `"time":{"start":"2025","precision":"year"},"extra":{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)},"kept":"yes"}}]}`,
    ) as unknown;
    const { dataset, report } = loadDataset(doc, 'deep.json');
    const e = dataset!.eventById.get('deep')!;
    expect(e.extra!.kept).toBe('yes');
    expect(() => JSON.stringify(e.extra)).not.toThrow();
    expect(() => JSON.stringify(dataset!.extra)).not.toThrow();
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'warning',
          collection: 'events',
          index: 0,
          id: 'deep',
          field: 'extra.deep',
        }),
        expect.objectContaining({ severity: 'warning', collection: 'dataset', field: 'extra.top' }),
      ]),
    );
  });
});
