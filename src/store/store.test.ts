import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureDataset } from '../test-utils/fixture';
import { useAppStore } from './index';
import { stepSelection } from './navigation';

const report = { file: 'fixture.json', problems: [], eventsAccepted: 4, eventsRejected: 0 };

beforeEach(() => {
  useAppStore.getState().setLoaded(fixtureDataset(), report);
});

describe('selection slice', () => {
  it('selects a known event and remembers which view asked', () => {
    useAppStore.getState().select('talks', 'map');
    expect(useAppStore.getState()).toMatchObject({ selectedId: 'talks', selectionOrigin: 'map' });
  });

  it('ignores an id that is not in the dataset', () => {
    useAppStore.getState().select('talks', 'map');
    useAppStore.getState().select('no-such-event', 'list');
    expect(useAppStore.getState().selectedId).toBe('talks');
  });

  it('does not notify subscribers when the same event is selected again', () => {
    useAppStore.getState().select('talks', 'map');
    let calls = 0;
    const unsubscribe = useAppStore.subscribe(() => calls++);
    useAppStore.getState().select('talks', 'timeline');
    unsubscribe();
    expect(calls).toBe(0);
  });

  it('does not notify subscribers for an unchanged hover', () => {
    useAppStore.getState().hover(['talks'], 'timeline');
    let calls = 0;
    const unsubscribe = useAppStore.subscribe(() => calls++);
    useAppStore.getState().hover(['talks'], 'timeline');
    unsubscribe();
    expect(calls).toBe(0);
  });

  it('clears selection and hover when another dataset is loaded', () => {
    useAppStore.getState().select('talks', 'map');
    useAppStore.getState().hover(['envoy'], 'map');
    useAppStore.getState().setLoaded(fixtureDataset(), report);
    expect(useAppStore.getState()).toMatchObject({ selectedId: null, hoveredIds: [] });
  });
});

describe('stepSelection', () => {
  it('walks through events in time order and stops at the ends', () => {
    const ids: Array<string | null> = [];
    for (let i = 0; i < 5; i++) {
      stepSelection(1, 'keyboard');
      ids.push(useAppStore.getState().selectedId);
    }
    expect(ids).toEqual(['nowhere', 'statement', 'talks', 'envoy', 'envoy']);
    stepSelection(-1, 'keyboard');
    expect(useAppStore.getState().selectedId).toBe('talks');
  });

  it('starts from the last event when stepping back with nothing selected', () => {
    stepSelection(-1, 'keyboard');
    expect(useAppStore.getState().selectedId).toBe('envoy');
  });
});

describe('dataset slice', () => {
  it('reports a failed load with the first problem as the message', () => {
    useAppStore.getState().setLoaded(null, {
      file: 'x.json',
      problems: [
        { severity: 'error', collection: 'dataset', message: '“format” must be “dateline/1”' },
      ],
      eventsAccepted: 0,
      eventsRejected: 0,
    });
    expect(useAppStore.getState()).toMatchObject({
      loadStatus: 'failed',
      loadError: '“format” must be “dateline/1”',
    });
  });
});
