// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ViewBoundary } from './ViewBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Broken(): never {
  throw new Error('the map library is missing');
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('ViewBoundary', () => {
  it('shows what failed in the failing view and keeps the others working', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    await act(async () => {
      root.render(
        <>
          <ViewBoundary name="map">
            <Broken />
          </ViewBoundary>
          <ViewBoundary name="timeline">
            <p>timeline works</p>
          </ViewBoundary>
        </>,
      );
    });
    const failed = container.querySelector('[data-testid="failed-map"]');
    expect(failed?.textContent).toContain('The map could not be shown');
    expect(failed?.textContent).toContain('the map library is missing');
    expect(failed?.getAttribute('role')).toBe('alert');
    expect(container.textContent).toContain('timeline works');
    expect(errors).toHaveBeenCalled();
    await act(async () => root.unmount());
  });
});
