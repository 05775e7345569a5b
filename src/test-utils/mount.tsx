// Renders a component into the document for a jsdom test, inside `act`, with fake timers, so a
// test decides when debounces and delays run out.
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { vi } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export async function mountWithFakeTimers(node: ReactNode): Promise<HTMLDivElement> {
  vi.useFakeTimers();
  const container = document.createElement('div');
  document.body.append(container);
  await act(async () => createRoot(container).render(node));
  return container;
}

/** Back to real timers and an empty document. */
export function unmountAll(): void {
  vi.useRealTimers();
  document.body.innerHTML = '';
}
