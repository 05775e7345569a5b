import { describe, expect, it } from 'vitest';
import { generatedDataset } from '../test-utils/generated';
import { runStepsInSlices } from './steps';
import type { DatelineEvent } from './dataset';
import {
  actorParents,
  assignLanes,
  laneLayoutOf,
  laneLayoutSteps,
  lanesUnder,
  NONE_LANE,
  OTHER_LANE,
  valuesOf,
  type LaneContext,
} from './lanes';

/** An event with only what lanes read. */
function ev(
  id: string,
  fields: { actors?: string[]; type?: string; tags?: string[]; place?: string | null } = {},
): DatelineEvent {
  return {
    id,
    actors: (fields.actors ?? []).map((actor) => ({ actor, role: 'party' })),
    type: fields.type ?? 'statement',
    status: 'occurred',
    claim: { by: 'src', status: 'reported' },
    placeKey: fields.place ?? null,
    tags: fields.tags ?? [],
  } as unknown as DatelineEvent;
}

const actors: LaneContext['actors'] = new Map([
  ['israel', { name: 'Israel' }],
  ['gov', { name: 'Israeli government', memberOf: 'israel' }],
  ['pm', { name: 'Prime minister', memberOf: 'gov' }],
  ['hamas', { name: 'Hamas' }],
  ['egypt', { name: 'Egypt' }],
  ['qatar', { name: 'Qatar' }],
]);

const ids = (layout: { lanes: Array<{ id: string }> }) => layout.lanes.map((l) => l.id);

describe('assignLanes', () => {
  it('draws one lane per value, the busiest first, ties by label, "(none)" last', () => {
    const events = [
      ev('a', { type: 'visit' }),
      ev('b', { type: 'statement' }),
      ev('c', { type: 'statement' }),
      ev('d', { type: 'agreement' }),
    ];
    const layout = assignLanes(events, 'type');
    expect(layout.lanes.map((l) => [l.label, l.count])).toEqual([
      ['statement', 2],
      ['agreement', 1],
      ['visit', 1],
    ]);
    const tagged = assignLanes([ev('a', { tags: ['x'] }), ev('b')], 'tag');
    expect(tagged.lanes.map((l) => l.label)).toEqual(['x', '(none)']);
    expect(tagged.lanesOf(events[1] as DatelineEvent)).toEqual([NONE_LANE]);
  });

  it('puts an event with three actors in three lanes, one copy each, in the order drawn', () => {
    const three = ev('three', { actors: ['qatar', 'hamas', 'egypt', 'hamas'] });
    const layout = assignLanes(
      [
        three,
        ev('h', { actors: ['hamas'] }),
        ev('h2', { actors: ['hamas'] }),
        ev('e', { actors: ['egypt'] }),
      ],
      'actor',
      { actors },
    );
    expect(layout.lanesOf(three)).toEqual(['lane:v:hamas', 'lane:v:egypt', 'lane:v:qatar']);
    expect(layout.byId.get('lane:v:hamas')?.count).toBe(3);
    expect(layout.byId.get('lane:v:hamas')?.label).toBe('Hamas');
  });

  it('nests members under the actor they belong to, at any depth, parents kept for members', () => {
    const events = [
      ev('1', { actors: ['pm'] }),
      ev('2', { actors: ['pm', 'gov'] }),
      ev('2b', { actors: ['gov'] }),
      ev('3', { actors: ['hamas'] }),
      ev('4', { actors: ['hamas'] }),
      ev('5', { actors: ['egypt'] }),
    ];
    const layout = assignLanes(events, 'actor', { actors });
    expect(layout.lanes.map((l) => [l.value, l.depth, l.count, l.total])).toEqual([
      // Israel holds no event of its own but three through its members: it is drawn as their parent.
      ['israel', 0, 0, 3],
      ['gov', 1, 2, 3],
      ['pm', 2, 2, 2],
      ['hamas', 0, 2, 2],
      ['egypt', 0, 1, 1],
    ]);
    expect(layout.byId.get('lane:v:pm')?.parent).toBe('lane:v:gov');
    expect(lanesUnder(layout, 'lane:v:israel')).toEqual(['lane:v:gov', 'lane:v:pm']);
    expect(lanesUnder(layout, 'lane:v:hamas')).toEqual([]);
    // Without the actors' table there is no nesting: every actor is a lane at the top.
    expect(assignLanes(events, 'actor').lanes.every((l) => l.depth === 0)).toBe(true);
  });

  it('folds the quietest values past the limit into "Other (N)", keeping parents of kept members', () => {
    const events = [
      ev('1', { actors: ['pm'] }),
      ev('2', { actors: ['pm'] }),
      ev('3', { actors: ['hamas'] }),
      ev('4', { actors: ['egypt', 'qatar'] }),
      ev('5', { actors: ['qatar', 'pm'] }),
      ev('6'),
    ];
    const layout = assignLanes(events, 'actor', { actors }, 4);
    // pm (3) pulls in gov and israel (3 each, shallower first); then qatar (2).
    expect(ids(layout)).toEqual([
      'lane:v:israel',
      'lane:v:gov',
      'lane:v:pm',
      'lane:v:qatar',
      OTHER_LANE,
      NONE_LANE,
    ]);
    const other = layout.byId.get(OTHER_LANE);
    expect(other?.label).toBe('Other (2)');
    expect(other?.folded).toBe(2);
    // Events 3 and 4 hold a folded value; 4 is also in Qatar's lane.
    expect(other?.count).toBe(2);
    expect(layout.lanesOf(events[3] as DatelineEvent)).toEqual(['lane:v:qatar', OTHER_LANE]);
    expect(layout.lanesOf(events[2] as DatelineEvent)).toEqual([OTHER_LANE]);
  });

  it('ends on cycles in memberOf: the actors on a cycle are drawn at the top', () => {
    const cyclic = new Map([
      ['a', { name: 'A', memberOf: 'b' }],
      ['b', { name: 'B', memberOf: 'a' }],
      ['c', { name: 'C', memberOf: 'a' }],
      ['self', { name: 'Self', memberOf: 'self' }],
      ['lost', { name: 'Lost', memberOf: 'nobody' }],
    ]);
    expect(Object.fromEntries(actorParents(cyclic))).toEqual({
      a: null,
      b: null,
      c: 'a',
      self: null,
      lost: null,
    });
    const layout = assignLanes([ev('1', { actors: ['a', 'b', 'c', 'self', 'lost'] })], 'actor', {
      actors: cyclic,
    });
    expect(layout.lanes.map((l) => [l.value, l.depth])).toEqual([
      ['a', 0],
      ['c', 1],
      ['b', 0],
      ['lost', 0],
      ['self', 0],
    ]);
  });

  it('reads each grouping from its field, and names places', () => {
    const e = ev('x', { actors: ['hamas'], type: 'visit', tags: ['a', 'b', 'a'], place: 'cairo' });
    expect(valuesOf(e, 'status')).toEqual(['occurred']);
    expect(valuesOf(e, 'claim')).toEqual(['reported']);
    expect(valuesOf(e, 'tag')).toEqual(['a', 'b']);
    expect(valuesOf(e, 'none')).toEqual([]);
    const places = new Map([['cairo', { name: 'Cairo' }]]);
    const layout = assignLanes([e, ev('y')], 'place', { places });
    expect(layout.lanes.map((l) => l.label)).toEqual(['Cairo', '(none)']);
    expect(assignLanes([e], 'none').lanes).toEqual([]);
  });

  it('gives every event at least one lane that is drawn, at scale', () => {
    const d = generatedDataset(5000);
    for (const by of ['actor', 'tag', 'place', 'type'] as const) {
      const layout = assignLanes(d.events, by, d);
      expect(layout.lanes.filter((l) => l.kind === 'value').length).toBeLessThanOrEqual(30);
      const drawn = new Set(ids(layout));
      let copies = 0;
      for (const e of d.events) {
        const lanes = layout.lanesOf(e);
        expect(lanes.length).toBeGreaterThan(0);
        for (const id of lanes) expect(drawn.has(id)).toBe(true);
        copies += lanes.length;
      }
      // Each lane's count is the events drawn in it.
      expect(layout.lanes.reduce((n, l) => n + l.count, 0)).toBe(copies);
    }
  });
});

describe('laneLayoutOf', () => {
  const d = generatedDataset(5000);
  const ctx = { actors: d.actors, places: d.places };

  it('is assignLanes, made in slices or at once, once per array, grouping and context', async () => {
    const events = [...d.events];
    const ahead = await runStepsInSlices(laneLayoutSteps(events, 'actor', ctx), {
      sliceMs: 0,
      turn: async () => {},
    });
    expect(ids(ahead)).toEqual(ids(assignLanes(events, 'actor', ctx)));
    expect(ahead.laneIds).toEqual(assignLanes(events, 'actor', ctx).laneIds);
    // Made before: found at once, with nothing to do.
    expect(laneLayoutOf(events, 'actor', { ...ctx })).toBe(ahead);
    expect(laneLayoutSteps(events, 'actor', ctx).next().done).toBe(true);
    // Another grouping, another context (another dataset's actors) or another array: made anew.
    expect(laneLayoutOf(events, 'tag', ctx)).not.toBe(ahead);
    expect(laneLayoutOf(events, 'actor', { actors: new Map(d.actors), places: d.places })).not.toBe(
      ahead,
    );
    expect(laneLayoutOf([...events], 'actor', ctx)).not.toBe(ahead);
  });
});
