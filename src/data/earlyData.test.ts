// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { dropEarlyData, takeEarlyResponse } from './earlyData';

function startEarly(href: string) {
  const controller = new AbortController();
  const response = Promise.resolve(new Response('{}'));
  window.datelineEarlyData = { href, response, controller };
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
