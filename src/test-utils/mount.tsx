// Renders a component into the document for a jsdom test, inside `act`, with fake timers, so a
// test decides when debounces and delays run out, and with the test's own store.
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { vi } from 'vitest';
import { AppStoreProvider, type AppStore } from '../store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export async function mountWithFakeTimers(
  node: ReactNode,
  store: AppStore,
): Promise<HTMLDivElement> {
  vi.useFakeTimers();
  const container = document.createElement('div');
  document.body.append(container);
  await act(async () =>
    createRoot(container).render(<AppStoreProvider store={store}>{node}</AppStoreProvider>),
  );
  return container;
}

/** Back to real timers and an empty document. */
export function unmountAll(): void {
  vi.useRealTimers();
  document.body.innerHTML = '';
}
