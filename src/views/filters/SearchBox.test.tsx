// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_FILTERS } from '../../model/filter/types';
import { useAppStore } from '../../store';
import { FakeTextWorker } from '../../test-utils/fakeTextWorker';
import { generatedDataset } from '../../test-utils/generated';
import { mountWithFakeTimers, unmountAll } from '../../test-utils/mount';
import { SearchBox } from './SearchBox';

const emptyReport = { file: 'none', problems: [], eventsAccepted: 0, eventsRejected: 0 };

function type(input: HTMLInputElement, value: string) {
  // React listens to the native setter's input event.
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('SearchBox', () => {
  let container: HTMLDivElement;
  beforeEach(async () => {
    useAppStore.setState({ filters: NO_FILTERS });
    container = await mountWithFakeTimers(<SearchBox />);
  });
  afterEach(unmountAll);

  const input = () => container.querySelector('input') as HTMLInputElement;

  it('on the page, sends the first change at once and the last one typed after a pause', async () => {
    await act(async () => type(input(), 'c'));
    expect(useAppStore.getState().filters.q).toBe('c');
    await act(async () => type(input(), 'ca'));
    await act(async () => type(input(), 'cai'));
    expect(useAppStore.getState().filters.q).toBe('c');
    await act(async () => vi.advanceTimersByTime(200));
    expect(useAppStore.getState().filters.q).toBe('cai');
  });

  it('drops a query still held back when Clear filters is pressed', async () => {
    await act(async () => type(input(), 'c'));
    await act(async () => type(input(), 'cairo'));
    await act(async () => useAppStore.getState().clearFilters());
    await act(async () => vi.advanceTimersByTime(200));
    expect(useAppStore.getState().filters.q).toBe('');
    expect(input().value).toBe('');
  });

  it('with the search in a worker, sends every change at once', async () => {
    vi.stubGlobal('Worker', FakeTextWorker);
    try {
      const big = generatedDataset(2000);
      const report = { file: 'big.json', problems: [], eventsAccepted: 2000, eventsRejected: 0 };
      await act(async () => useAppStore.getState().setLoaded(big, report));
      for (const q of ['c', 'ca', 'cai']) {
        await act(async () => type(input(), q));
        expect(useAppStore.getState().filters.q).toBe(q);
      }
    } finally {
      vi.unstubAllGlobals();
      await act(async () => useAppStore.getState().setLoaded(null, emptyReport));
    }
  });
});
