// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Section } from './Section';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
  document.body.innerHTML = '';
});

const render = (active: boolean) =>
  act(async () => {
    root.render(
      <Section title="Actors" active={active}>
        <p>facet</p>
      </Section>,
    );
  });

const details = () => container.querySelector('details') as HTMLDetailsElement;

describe('Section', () => {
  it('opens at once when it starts with active filters', async () => {
    await render(true);
    expect(details().open).toBe(true);
  });

  it('starts closed without active filters', async () => {
    await render(false);
    expect(details().open).toBe(false);
  });

  it('opens by itself when its filters become active after the first render (a link applied to a dataset that just loaded)', async () => {
    await render(false);
    await render(true);
    expect(details().open).toBe(true);
  });

  it('stays closed when the user closes it while its filters stay active', async () => {
    await render(true);
    await act(async () => {
      details().open = false;
      details().dispatchEvent(new Event('toggle'));
    });
    await render(true);
    expect(details().open).toBe(false);
  });
});
