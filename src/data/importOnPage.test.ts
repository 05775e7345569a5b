import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportError } from '../formats';
import { ImportCancelled, type ImportProgress } from './download';
import { looksLikeDatelineJson } from './datelineJsonHead';
import { importOnPage } from './importOnPage';
import type { ImportSource } from './importProtocol';

describe('looksLikeDatelineJson', () => {
  it.each([
    '{"format":"dateline/1","events":[]}',
    '\uFEFF  {\n  "title": "T",\n  "format" : "dateline/1"',
    '{"title": "A long title", "description": "…", "format": "dateline/1", "events": [',
  ])('reads %j on the page', (head) => expect(looksLikeDatelineJson(head)).toBe(true));

  it.each([
    ['a TimelineJS file', '{"title": {"text": {"headline": "x"}}, "events": [{"start_date":'],
    ['GeoJSON', '{"type": "FeatureCollection", "features": []}'],
    ['a CSV file', 'id,title,format\n1,x,"dateline/1"'],
    ['another version', '{"format": "dateline/2"}'],
    [
      'the words inside a string',
      '{"title": "about \\"format\\": \\"dateline/1\\"", "events": []}',
    ],
    ['a JSON array', '[{"format": "dateline/1"}]'],
  ])('leaves %s to the worker', (_, head) => expect(looksLikeDatelineJson(head)).toBe(false));
});

/** A valid Dateline dataset of `n` events, as a file would hold it. */
function dataset(n: number, extra: Record<string, unknown> = {}) {
  return {
    format: 'dateline/1',
    title: 'Test',
    actors: [{ id: 'a', name: 'A', kind: 'state' }],
    events: Array.from({ length: n }, (_, i) => ({
      id: `e${i}`,
      title: `Event ${i}`,
      type: 'statement',
      status: 'occurred',
      time: { start: '2025-01-01', precision: 'day' },
      claim: { by: 'a', status: 'reported' },
    })),
    ...extra,
  };
}

const text = (value: unknown, name = 'data.json'): ImportSource => ({
  kind: 'text',
  text: typeof value === 'string' ? value : JSON.stringify(value),
  name,
});

/** Runs an import, collecting its progress reports. */
async function run(source: ImportSource, signal = new AbortController().signal) {
  const progress: ImportProgress[] = [];
  const outcome = await importOnPage(source, (p) => progress.push(p), signal);
  return { outcome, progress };
}

/**
 * Makes every slice of the loader run out of time at once: each read of the clock is 100 ms
 * after the one before, so the loader hands the page a turn at each of its checkpoints.
 */
function slowClock() {
  let t = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (t += 100));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('importOnPage', () => {
  it('reads Dateline JSON text into a dataset and its report', async () => {
    const { outcome, progress } = await run(text(dataset(3)));
    expect(outcome?.formatName).toMatch(/Dateline/);
    expect(outcome?.dataset?.events.map((e) => e.id)).toEqual(['e0', 'e1', 'e2']);
    expect(outcome?.report).toMatchObject({
      file: 'data.json',
      eventsAccepted: 3,
      eventsRejected: 0,
    });
    // Text is already read: no "read" phase is reported.
    expect(progress.filter((p) => p.phase === 'read')).toEqual([]);
  });

  it('reports the bytes read from a file, then decodes it (a byte-order mark too)', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${JSON.stringify(dataset(2))}`);
    for (const source of [
      { kind: 'blob', blob: new Blob([bytes]), name: 'f.json' },
      { kind: 'buffer', buffer: bytes.slice().buffer, name: 'f.json' },
    ] as const) {
      const { outcome, progress } = await run(source);
      expect(progress[0]).toEqual({
        phase: 'read',
        done: bytes.byteLength,
        total: bytes.byteLength,
      });
      expect(outcome?.dataset?.events).toHaveLength(2);
    }
  });

  it.each([
    ['another format', { type: 'FeatureCollection', features: [] }],
    ['JSON that breaks after its head', '{"format": "dateline/1", "events": [1, 2,'],
    [
      'a head that says dateline/1 in a nested object',
      '{"meta": {"format": "dateline/1"}, "events": []}',
    ],
  ])('leaves %s to the worker (resolves null)', async (_, value) => {
    const { outcome } = await run(text(value));
    expect(outcome).toBeNull();
  });

  it('names the file when it is not UTF-8', async () => {
    const head = new TextEncoder().encode('{"format": "dateline/1", "title": "');
    const bytes = new Uint8Array([...head, 0xff, 0xfe, 0x22, 0x7d]);
    await expect(
      run({ kind: 'buffer', buffer: bytes.buffer, name: 'latin1.json' }),
    ).rejects.toThrow(/^latin1\.json: not UTF-8/);
  });

  it('says on which line the bytes stop being UTF-8', async () => {
    const head = new TextEncoder().encode('{"format": "dateline/1",\n"title": "Caf');
    const bytes = new Uint8Array([...head, 0xe9, 0x22, 0x7d]); // "é" as Windows-1252 writes it
    await expect(run({ kind: 'buffer', buffer: bytes.buffer, name: 'cafe.json' })).rejects.toThrow(
      'cafe.json: not UTF-8 text: line 2 holds bytes that are not UTF-8 (a file saved as Windows-1252 or Latin-1 does this). Save it as UTF-8 and try again.',
    );
  });

  it('throws the load report when the file is Dateline JSON but cannot be used', async () => {
    const err = await run(text({ format: 'dateline/1', events: 'none' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).report.problems[0]?.message).toMatch(/“events” must be an array/);
  });

  it('loads a large file in slices, reporting progress and giving the page a turn between them', async () => {
    slowClock();
    // Another task of the page: it counts its turns while the import runs.
    let turns = 0;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      turns++;
      channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
    const seen: number[] = [];
    const progress: ImportProgress[] = [];
    try {
      const outcome = await importOnPage(
        text(dataset(5000)),
        (p) => {
          progress.push(p);
          seen.push(turns);
        },
        new AbortController().signal,
      );
      expect(outcome?.dataset?.events).toHaveLength(5000);
    } finally {
      channel.port1.close();
    }
    expect(progress).toEqual([
      { phase: 'parse', done: 2000, total: 5000 },
      { phase: 'parse', done: 4000, total: 5000 },
    ]);
    // The other task ran between the two slices.
    expect(seen[1]).toBeGreaterThan(seen[0] ?? Infinity);
  });

  it('stops at the next slice when cancelled, with ImportCancelled', async () => {
    slowClock();
    const controller = new AbortController();
    const progress: ImportProgress[] = [];
    const result = importOnPage(
      text(dataset(7000)),
      (p) => {
        progress.push(p);
        controller.abort();
      },
      controller.signal,
    );
    await expect(result).rejects.toBeInstanceOf(ImportCancelled);
    // Cancelled during the first slice: no second one ran.
    expect(progress).toEqual([{ phase: 'parse', done: 2000, total: 7000 }]);
  });

  it('does not start loading when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const progress: ImportProgress[] = [];
    await expect(
      importOnPage(text(dataset(1)), (p) => progress.push(p), controller.signal),
    ).rejects.toBeInstanceOf(ImportCancelled);
    expect(progress).toEqual([]);
  });
});
