// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  dropEarlyData,
  fetchRequestOf,
  takeEarlyImport,
  takeEarlyResponse,
  workerNameFor,
} from './earlyData';

function startEarly(href: string) {
  const controller = new AbortController();
  const response = Promise.resolve(new Response('{}'));
  window.datelineEarlyData = { href, download: { response, controller } };
  return { controller, response };
}

afterEach(() => {
  delete window.datelineEarlyData;
});

describe('takeEarlyResponse', () => {
  it('hands over the response started for the same URL, once', () => {
    const { response } = startEarly(new URL('/bench/events.json', document.baseURI).href);
    const signal = new AbortController().signal;
    expect(takeEarlyResponse('/bench/events.json', signal)).toBe(response);
    expect(takeEarlyResponse('/bench/events.json', signal)).toBeNull();
  });

  it('leaves a response for another URL alone', () => {
    startEarly(new URL('/a.json', document.baseURI).href);
    expect(takeEarlyResponse('/b.json', new AbortController().signal)).toBeNull();
    expect(window.datelineEarlyData).toBeDefined();
  });

  it('aborts the download when the import is cancelled', () => {
    const { controller } = startEarly('https://example.org/events.json');
    const cancel = new AbortController();
    expect(takeEarlyResponse('https://example.org/events.json', cancel.signal)).not.toBeNull();
    expect(controller.signal.aborted).toBe(false);
    cancel.abort();
    expect(controller.signal.aborted).toBe(true);
  });

  it('answers null when nothing was started', () => {
    expect(takeEarlyResponse('/x.json', new AbortController().signal)).toBeNull();
  });
});

describe('dropEarlyData', () => {
  it('aborts a download nobody took', () => {
    const { controller } = startEarly('https://example.org/events.json');
    dropEarlyData();
    expect(controller.signal.aborted).toBe(true);
    expect(window.datelineEarlyData).toBeUndefined();
  });
});

describe('takeEarlyImport', () => {
  function startWorker(href: string) {
    const worker = { terminate: vi.fn<() => void>() } as unknown as Worker;
    const early = { worker, replies: [] };
    window.datelineEarlyData = { href, worker: early };
    return early;
  }

  it('hands over the worker started for the same URL, once, and not as a response', () => {
    const early = startWorker(new URL('/bench/events.parquet', document.baseURI).href);
    expect(takeEarlyResponse('/bench/events.parquet', new AbortController().signal)).toBeNull();
    expect(window.datelineEarlyData).toBeDefined();
    expect(takeEarlyImport('/bench/events.parquet')).toBe(early);
    expect(takeEarlyImport('/bench/events.parquet')).toBeNull();
  });

  it('leaves a worker for another URL alone, and a download to takeEarlyResponse', () => {
    startWorker(new URL('/a.parquet', document.baseURI).href);
    expect(takeEarlyImport('/b.parquet')).toBeNull();
    startEarly('https://example.org/events.json');
    expect(takeEarlyImport('https://example.org/events.json')).toBeNull();
    expect(window.datelineEarlyData).toBeDefined();
  });

  it('is stopped by dropEarlyData when nobody took it', () => {
    const early = startWorker('https://example.org/events.parquet');
    dropEarlyData();
    expect(early.worker.terminate).toHaveBeenCalledOnce();
    expect(window.datelineEarlyData).toBeUndefined();
  });
});

describe('the request in an early worker’s name', () => {
  const request = {
    type: 'fetch',
    href: 'https://example.org/a b/événements.parquet?x=1#y',
    name: 'événements.parquet',
    baseUrl: 'https://app.example/dateline/',
    ask: 'unsure',
  } as const;

  it('comes back whole from the name it is given', () => {
    expect(fetchRequestOf(workerNameFor(request))).toEqual(request);
  });

  it.each([
    ['no name', ''],
    ['a name that is not JSON', 'import'],
    ['JSON that is not an object', '"fetch"'],
    ['another request', JSON.stringify({ ...request, type: 'import' })],
    ['a field that is not text', JSON.stringify({ ...request, href: 1 })],
    ['a field missing', JSON.stringify({ ...request, name: undefined })],
    ['another way to ask', JSON.stringify({ ...request, ask: 'always' })],
  ])('is null for %s', (_, name) => expect(fetchRequestOf(name)).toBeNull());

  it('keeps only the request’s own fields', () => {
    const name = `{"__proto__":{"polluted":true},${JSON.stringify({ ...request, extra: 1 }).slice(1)}`;
    const read = fetchRequestOf(name);
    expect(read).toEqual(request);
    expect(Object.keys(read!)).toEqual(['type', 'href', 'name', 'baseUrl', 'ask']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
