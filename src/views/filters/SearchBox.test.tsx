// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_FILTERS } from '../../model/filter/types';
import { useAppStore } from '../../store';
import { SearchBox } from './SearchBox';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function type(input: HTMLInputElement, value: string) {
  // React listens to the native setter's input event.
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('SearchBox', () => {
  let container: HTMLDivElement;
  beforeEach(async () => {
    vi.useFakeTimers();
    useAppStore.setState({ filters: NO_FILTERS });
    container = document.createElement('div');
    document.body.append(container);
    await act(async () => createRoot(container).render(<SearchBox />));
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  const input = () => container.querySelector('input') as HTMLInputElement;

  it('sends the query to the store after a pause in typing', async () => {
    await act(async () => type(input(), 'cairo'));
    expect(useAppStore.getState().filters.q).toBe('');
    await act(async () => vi.advanceTimersByTime(200));
    expect(useAppStore.getState().filters.q).toBe('cairo');
  });

  it('drops a query still on its way when Clear filters is pressed', async () => {
    await act(async () => type(input(), 'cairo'));
    await act(async () => useAppStore.getState().clearFilters());
    await act(async () => vi.advanceTimersByTime(200));
    expect(useAppStore.getState().filters.q).toBe('');
    expect(input().value).toBe('');
  });
});
