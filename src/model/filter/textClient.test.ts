import { beforeEach, describe, expect, it } from 'vitest';
import { FakeTextWorker } from '../../test-utils/fakeTextWorker';
import { generatedDataset } from '../../test-utils/generated';
import { WorkerTextSearch } from './textClient';
import { LocalTextSearch } from './textSearch';

const dataset = generatedDataset(4500);
const local = new LocalTextSearch(dataset);

/** A client whose workers are fakes, and whose slices of text wait until the test sends them. */
function client(shards = 1) {
  const slices: Array<() => void> = [];
  const search = new WorkerTextSearch(dataset, {
    create: () => new FakeTextWorker(),
    later: (fn) => slices.push(fn),
    shards,
  });
  const worker = () => FakeTextWorker.made.at(-1)!;
  const sendAllText = () => {
    search.warm();
    while (slices.length) slices.shift()!();
  };
  return { search, worker, sendAllText };
}

/** Lets the promise callbacks of delivered answers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => FakeTextWorker.reset());

describe('the search worker client', () => {
  it('sends the text a slice at a time, and answers a query once all of it is indexed', async () => {
    const { search, worker, sendAllText } = client();
    let hits: Uint32Array | null | undefined;
    void search.search('ceasefire').then((h) => (hits = h));
    expect(worker().sent.filter((m) => m.type === 'docs')).toHaveLength(1);
    worker().deliver();
    await settle();
    expect(hits).toBeUndefined();
    sendAllText();
    expect(worker().sent.filter((m) => m.type === 'docs')).toHaveLength(3);
    worker().deliver();
    await settle();
    expect(hits).toEqual(local.peek('ceasefire'));
  });

  it('drops an answer the page no longer wants, and sends only the latest of the queries typed meanwhile', async () => {
    const { search, worker, sendAllText } = client();
    sendAllText();
    const answers: Record<string, Uint32Array | null> = {};
    for (const q of ['c', 'ce', 'cea', 'ceasefire'])
      void search.search(q).then((h) => (answers[q] = h));
    await settle();
    // "c" was in flight; "ce" and "cea" were replaced before they were sent.
    expect(worker().searches()).toEqual(['c']);
    expect(answers).toEqual({ ce: null, cea: null });
    worker().deliver();
    await settle();
    expect(answers.c).toBeNull();
    expect(worker().searches()).toEqual(['c', 'ceasefire']);
    worker().deliver();
    await settle();
    expect(answers.ceasefire).toEqual(local.peek('ceasefire'));
  });

  it('remembers answers, so the same query is not searched again', async () => {
    const { search, worker, sendAllText } = client();
    sendAllText();
    expect(search.peek('convoy')).toBeUndefined();
    const first = search.search('convoy');
    worker().deliver();
    const hits = await first;
    expect(search.peek('convoy')).toBe(hits);
    expect(await search.search('convoy')).toBe(hits);
    expect(worker().searches()).toEqual(['convoy']);
  });

  it('answers null to the questions still open when it is stopped, and stops its worker', async () => {
    const { search, worker } = client();
    const open = search.search('border');
    search.destroy();
    expect(await open).toBeNull();
    expect(worker().terminated).toBe(true);
    expect(await search.search('border')).toBeNull();
  });

  it('splits the events between workers, asks each, and puts their answers end to end', async () => {
    const { search, sendAllText } = client(3);
    sendAllText();
    const workers = FakeTextWorker.made;
    expect(workers).toHaveLength(3);
    const indexed = workers.map((w) =>
      w.sent.reduce((n, m) => n + (m.type === 'docs' ? m.ends.length / 5 : 0), 0),
    );
    expect(indexed).toEqual([1500, 1500, 1500]);
    const answer = search.search('ceasefire');
    for (const w of workers) {
      expect(w.searches()).toEqual(['ceasefire']);
      w.deliver();
    }
    expect(await answer).toEqual(local.peek('ceasefire'));
  });

  it('searches on the page when the worker cannot start', async () => {
    const { search, worker } = client();
    const open = search.search('summit');
    worker().fail();
    expect(await open).toEqual(local.peek('summit'));
    expect(search.peek('envoy')).toEqual(local.peek('envoy'));
  });
});
