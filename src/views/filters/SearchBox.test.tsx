// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../store';
import { FakeTextWorker } from '../../test-utils/fakeTextWorker';
import { generatedDataset } from '../../test-utils/generated';
import { mountWithFakeTimers, unmountAll } from '../../test-utils/mount';
import { SearchBox } from './SearchBox';

function type(input: HTMLInputElement, value: string) {
  // React listens to the native setter's input event.
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('SearchBox', () => {
  let container: HTMLDivElement;
  let store: AppStore;
  beforeEach(async () => {
    store = createAppStore();
    container = await mountWithFakeTimers(<SearchBox />, store);
  });
  afterEach(unmountAll);

  const input = () => container.querySelector('input') as HTMLInputElement;

  it('on the page, sends the first change at once and the last one typed after a pause', async () => {
    await act(async () => type(input(), 'c'));
    expect(store.getState().filters.q).toBe('c');
    await act(async () => type(input(), 'ca'));
    await act(async () => type(input(), 'cai'));
    expect(store.getState().filters.q).toBe('c');
    await act(async () => vi.advanceTimersByTime(200));
    expect(store.getState().filters.q).toBe('cai');
  });

  it('drops a query still held back when Clear filters is pressed', async () => {
    await act(async () => type(input(), 'c'));
    await act(async () => type(input(), 'cairo'));
    await act(async () => store.getState().clearFilters());
    await act(async () => vi.advanceTimersByTime(200));
    expect(store.getState().filters.q).toBe('');
    expect(input().value).toBe('');
  });

  it('with the search in a worker, sends every change at once', async () => {
    vi.stubGlobal('Worker', FakeTextWorker);
    try {
      const big = generatedDataset(2000);
      const report = { file: 'big.json', problems: [], eventsAccepted: 2000, eventsRejected: 0 };
      await act(async () => store.getState().setLoaded(big, report));
      for (const q of ['c', 'ca', 'cai']) {
        await act(async () => type(input(), q));
        expect(store.getState().filters.q).toBe(q);
      }
    } finally {
      vi.unstubAllGlobals();
      store.getState().services.textSearch.drop();
    }
  });
});
