// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../store';
import { mountWithFakeTimers, unmountAll } from '../../test-utils/mount';
import { useSearching } from './useSearching';

function Status() {
  return <p>{useSearching() ? 'Searching…' : 'done'}</p>;
}

describe('useSearching', () => {
  let container: HTMLDivElement;
  let store: AppStore;
  beforeEach(async () => {
    store = createAppStore();
    container = await mountWithFakeTimers(<Status />, store);
  });
  afterEach(unmountAll);

  it('says nothing for an answer that comes fast', async () => {
    await act(async () => store.setState({ textPending: 'cairo' }));
    await act(async () => vi.advanceTimersByTime(100));
    await act(async () => store.setState({ textPending: null }));
    await act(async () => vi.advanceTimersByTime(500));
    expect(container.textContent).toBe('done');
  });

  it('says "Searching…" while a slow one is on its way, and stops when it comes', async () => {
    await act(async () => store.setState({ textPending: 'cairo' }));
    await act(async () => vi.advanceTimersByTime(250));
    expect(container.textContent).toBe('Searching…');
    await act(async () => store.setState({ textPending: 'cairo talks' }));
    expect(container.textContent).toBe('Searching…');
    await act(async () => store.setState({ textPending: null }));
    expect(container.textContent).toBe('done');
    await act(async () => store.setState({ textPending: 'envoy' }));
    expect(container.textContent).toBe('done');
  });
});
