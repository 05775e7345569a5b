import { describe, it, expect } from 'vitest';
import { describeLocation, type Problem } from './dataset';
import { loadDataset, loadDatasetInSlices, type LoadResult } from './load';

type Item = Record<string, unknown>;

interface Doc {
  format?: unknown;
  title?: unknown;
  description?: unknown;
  actors: Item[];
  places: Item[];
  sources: Item[];
  events: unknown;
}

const FILE = 'talks.json';
const SOURCE_TEXT =
  'Officials said on Thursday that talks would resume in Cairo next week, after a pause.';
const QUOTE = 'talks would resume in Cairo';
const QUOTE_AT = 32; // where QUOTE starts in SOURCE_TEXT
const ms = (iso: string) => Date.parse(iso);

/** The ids of the valid events, in the order the loader must sort them (by earliest). */
const VALID_IDS_SORTED = ['deadline', 'visit', 'statement', 'talks-resume'];

/** A small valid dataset, fresh on every call so tests can change it freely. */
function validDoc(): Doc {
  return {
    format: 'dateline/1',
    title: 'Ceasefire talks',
    description: 'A test dataset.',
    actors: [
      { id: 'state-a', name: 'State A', kind: 'state' },
      { id: 'gov-a', name: 'Government of A', kind: 'government', memberOf: 'state-a' },
      { id: 'minister-a', name: 'Foreign minister of A', kind: 'person', memberOf: 'gov-a' },
      { id: 'mediator', name: 'The mediator', kind: 'organisation', aliases: ['Broker'] },
    ],
    places: [{ id: 'cairo', name: 'Cairo', lat: 30.044, lon: 31.236, precision: 'city' }],
    sources: [
      {
        id: 'wire',
        title: 'Talks to resume',
        publisher: 'Wire Service',
        published: '2025-02-27',
        text: SOURCE_TEXT,
      },
      { id: 'notes', title: 'Reporter notes', publisher: 'Newsroom' },
    ],
    events: [
      {
        id: 'talks-resume',
        title: 'Talks resume in Cairo',
        type: 'negotiation',
        status: 'scheduled',
        time: { start: '2025-03-01', precision: 'day' },
        place: 'cairo',
        actors: [
          { actor: 'mediator', role: 'mediator' },
          { actor: 'gov-a', role: 'party' },
        ],
        claim: { by: 'wire', status: 'reported' },
        evidence: [{ source: 'wire', quote: QUOTE, start: QUOTE_AT, end: QUOTE_AT + QUOTE.length }],
        tags: ['talks'],
      },
      {
        id: 'statement',
        title: 'Minister speaks',
        type: 'statement',
        status: 'occurred',
        time: { start: '2025-02-27T23:00+02:00', precision: 'minute' },
        place: { name: 'Doha', lat: 25.285, lon: 51.531, precision: 'city' },
        claim: { by: 'minister-a', status: 'claimed' },
      },
      {
        id: 'deadline',
        title: 'Deadline for a reply',
        type: 'deadline',
        status: 'expected',
        time: { start: '2025-02', precision: 'month', approximate: true },
        claim: { by: 'mediator', status: 'claimed' },
      },
      {
        id: 'visit',
        title: 'Minister visits Doha',
        type: 'visit',
        status: 'occurred',
        time: { start: '2025-02-26', end: '2025-02-27', precision: 'day' },
        place: { name: 'Doha', lat: 25.285, lon: 51.531, precision: 'city' },
        actors: [{ actor: 'minister-a', role: 'participant' }],
        claim: { by: 'notes', status: 'confirmed' },
      },
    ],
  };
}

/** A valid event to break one field of; `over` replaces top-level fields. */
function event(over: Item = {}): Item {
  return {
    id: 'bad',
    title: 'An event with one problem',
    type: 'other',
    status: 'occurred',
    time: { start: '2025-02-20', precision: 'day' },
    claim: { by: 'wire', status: 'reported' },
    ...over,
  };
}

function load(change: (doc: Doc) => void = () => {}): LoadResult {
  const doc = validDoc();
  change(doc);
  return loadDataset(doc, FILE);
}

/** Loads the valid dataset with `bad` appended as events[4]. */
function loadWithEvent(bad: unknown): LoadResult {
  return load((doc) => (doc.events as unknown[]).push(bad));
}

/** The problems without their code and values (problemCodes.test.ts tests those), to compare. */
function sayless(problems: readonly Problem[]): Problem[] {
  return problems.map(({ code: _code, args: _args, ...p }) => p);
}

function errors(r: LoadResult): Problem[] {
  return sayless(r.report.problems.filter((p) => p.severity === 'error'));
}

function warnings(r: LoadResult): Problem[] {
  return sayless(r.report.problems.filter((p) => p.severity === 'warning'));
}

/** The four valid events all loaded, in order, and the counts say so. */
function expectValidEventsLoaded(r: LoadResult, rejected: number) {
  expect(r.dataset).not.toBeNull();
  expect(r.dataset!.events.map((e) => e.id)).toEqual(VALID_IDS_SORTED);
  expect(r.report.eventsAccepted).toBe(4);
  expect(r.report.eventsRejected).toBe(rejected);
}

/**
 * The one error a load reported, after checking the four valid events still loaded and the
 * counts say one was rejected.
 */
function rejection(r: LoadResult): Problem | undefined {
  expectValidEventsLoaded(r, 1);
  const errs = errors(r);
  return errs.length === 1 ? errs[0] : undefined;
}

/** A pattern matching exactly `text`. */
function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** The error expected for events[4]; `message` is exact text or a pattern. */
function eventError(where: { id?: string; field: string }, message: RegExp | string): Problem {
  return {
    severity: 'error',
    collection: 'events',
    index: 4,
    id: where.id,
    field: where.field,
    message: expect.stringMatching(typeof message === 'string' ? exactly(message) : message),
  };
}

describe('loadDataset: a valid dataset', () => {
  it('loads every item with no problems', () => {
    const r = load();
    expect(r.report).toEqual({ file: FILE, problems: [], eventsAccepted: 4, eventsRejected: 0 });
    const d = r.dataset!;
    expect(d.title).toBe('Ceasefire talks');
    expect(d.description).toBe('A test dataset.');
    expect([...d.actors.keys()]).toEqual(['state-a', 'gov-a', 'minister-a', 'mediator']);
    expect([...d.sources.keys()]).toEqual(['wire', 'notes']);
    expect(d.actors.get('minister-a')!.memberOf).toBe('gov-a');
    expect(d.eventById.get('talks-resume')!.title).toBe('Talks resume in Cairo');
  });

  it('sorts events by earliest and remembers each one’s place in the file', () => {
    const d = load().dataset!;
    expect(d.events.map((e) => e.id)).toEqual(VALID_IDS_SORTED);
    expect(d.events.map((e) => e.index)).toEqual([2, 3, 1, 0]);
  });

  it('keeps file order between events that start at the same moment', () => {
    const r = load((doc) => {
      doc.events = [
        event({ id: 'second-listed-first' }),
        event({ id: 'day-before', time: { start: '2025-02-19', precision: 'day' } }),
        event({ id: 'also-that-day' }),
      ];
    });
    expect(r.dataset!.events.map((e) => e.id)).toEqual([
      'day-before',
      'second-listed-first',
      'also-that-day',
    ]);
  });

  it('resolves each event’s time to earliest and latest bounds', () => {
    const d = load().dataset!;
    const e = (id: string) => d.eventById.get(id)!;
    expect(e('deadline').earliest).toBe(ms('2025-02-01T00:00:00.000Z'));
    expect(e('deadline').latest).toBe(ms('2025-02-28T23:59:59.999Z'));
    expect(e('visit').earliest).toBe(ms('2025-02-26T00:00:00.000Z'));
    expect(e('visit').latest).toBe(ms('2025-02-27T23:59:59.999Z'));
    expect(e('visit').endDate).toMatchObject({ day: 27, resolution: 'day' });
    expect(e('statement').earliest).toBe(ms('2025-02-27T21:00:00.000Z'));
    expect(e('statement').latest).toBe(ms('2025-02-27T21:00:59.999Z'));
    expect(e('statement').startDate).toMatchObject({ hour: 23, offsetMinutes: 120 });
    expect(e('statement').endDate).toBeUndefined();
  });

  it('gives an hour-precision event the whole hour it names', () => {
    const r = loadWithEvent(
      event({ id: 'late-call', time: { start: '2025-03-02T23:00+02:00', precision: 'hour' } }),
    );
    expect(errors(r)).toEqual([]);
    const e = r.dataset!.eventById.get('late-call')!;
    expect(e.earliest).toBe(ms('2025-03-02T21:00:00.000Z'));
    expect(e.latest).toBe(ms('2025-03-02T21:59:59.999Z'));
    expect(r.dataset!.span!.latest).toBe(ms('2025-03-02T21:59:59.999Z'));
  });

  it('computes the span over all events', () => {
    expect(load().dataset!.span).toEqual({
      earliest: ms('2025-02-01T00:00:00.000Z'),
      latest: ms('2025-03-01T23:59:59.999Z'),
    });
  });

  it('has no span, but still a dataset, when there are no events', () => {
    const r = load((doc) => (doc.events = []));
    expect(r.dataset).not.toBeNull();
    expect(r.dataset!.span).toBeNull();
    expect(r.report).toMatchObject({ problems: [], eventsAccepted: 0, eventsRejected: 0 });
  });

  it('applies defaults for fields left out', () => {
    const d = load().dataset!;
    const statement = d.eventById.get('statement')!;
    expect(statement.tags).toEqual([]);
    expect(statement.actors).toEqual([]);
    expect(statement.evidence).toEqual([]);
    expect(statement.summary).toBe('');
    expect(statement.time.approximate).toBe(false);
    expect(d.eventById.get('deadline')!.time.approximate).toBe(true);
    expect(d.eventById.get('deadline')!.place).toBeNull();
    expect(d.eventById.get('deadline')!.placeKey).toBeNull();
    expect(d.actors.get('state-a')!.aliases).toEqual([]);
    expect(d.actors.get('mediator')!.aliases).toEqual(['Broker']);
  });

  it('defaults missing actors, places and sources collections to empty', () => {
    const r = loadDataset(
      {
        format: 'dateline/1',
        title: 'Bare',
        events: [event({ id: 'only', claim: { by: 'x', status: 'claimed' } })],
      },
      FILE,
    );
    // With no actors or sources, the claim cannot resolve: reported, not thrown.
    expect(r.dataset!.actors.size).toBe(0);
    expect(r.dataset!.description).toBe('');
    expect(errors(r)).toEqual([expect.objectContaining({ index: 0, field: 'claim.by' })]);
    expect(r.report).toMatchObject({ eventsAccepted: 0, eventsRejected: 1 });
  });

  it('resolves a place from places[] by id', () => {
    const d = load().dataset!;
    const e = d.eventById.get('talks-resume')!;
    expect(e.placeKey).toBe('cairo');
    expect(d.places.get('cairo')).toMatchObject({ name: 'Cairo', key: 'cairo', inline: false });
  });

  it('gives two events with the same inline place one shared place', () => {
    const d = load().dataset!;
    const statement = d.eventById.get('statement')!;
    const visit = d.eventById.get('visit')!;
    expect(statement.placeKey).not.toBeNull();
    expect(statement.placeKey).toBe(visit.placeKey);
    expect(statement.placeKey).not.toBe('cairo');
    expect(d.places.size).toBe(2);
    expect(d.places.get(statement.placeKey!)).toMatchObject({
      name: 'Doha',
      lat: 25.285,
      lon: 51.531,
      key: statement.placeKey,
      inline: true,
    });
  });

  it('keeps inline places at different positions apart', () => {
    const r = loadWithEvent(
      event({ place: { name: 'Doha', lat: 25.3, lon: 51.6, precision: 'area' } }),
    );
    const d = r.dataset!;
    const doha = d.eventById.get('statement')!.placeKey;
    const other = d.eventById.get('bad')!.placeKey;
    expect(other).not.toBeNull();
    expect(other).not.toBe(doha);
    expect(d.places.get(other!)).toMatchObject({ lat: 25.3, lon: 51.6, inline: true });
  });

  it('uses an inline place’s own id as its key', () => {
    const r = loadWithEvent(
      event({
        place: { id: 'doha-port', name: 'Port', lat: 25.29, lon: 51.55, precision: 'exact' },
      }),
    );
    expect(r.dataset!.eventById.get('bad')!.placeKey).toBe('doha-port');
    expect(r.dataset!.places.get('doha-port')).toMatchObject({ name: 'Port', inline: true });
  });

  it('gives an inline place whose id names a different place its own id, and says so', () => {
    const r = loadWithEvent(
      event({ place: { id: 'cairo', name: 'Elsewhere', lat: 10, lon: 10, precision: 'city' } }),
    );
    expect(r.report.eventsAccepted).toBe(5);
    expect(sayless(r.report.problems)).toEqual([
      {
        severity: 'warning',
        collection: 'events',
        index: 4,
        id: 'bad',
        field: 'place.id',
        message:
          'the id “cairo” is already used by “Cairo” at 30.044, 31.236; this place (“Elsewhere” at 10, 10) is given its own id, “cairo-2”',
      },
    ]);
    const d = r.dataset!;
    expect(d.places.get('cairo')).toMatchObject({ name: 'Cairo', inline: false });
    const bad = d.eventById.get('bad')!;
    expect(bad.placeKey).toBe('cairo-2');
    expect(bad.place).toMatchObject({ id: 'cairo-2', name: 'Elsewhere' });
    expect(d.places.get('cairo-2')).toMatchObject({
      name: 'Elsewhere',
      lat: 10,
      note: 'Dateline gave this place the id “cairo-2”: the id “cairo” is already used by “Cairo” at 30.044, 31.236.',
    });
  });

  it('gives every event naming the same colliding place the same new id, with one warning', () => {
    const elsewhere = { id: 'cairo', name: 'Elsewhere', lat: 10, lon: 10, precision: 'city' };
    const other = { ...elsewhere, name: 'Other', lat: 11 };
    const r = load((doc) =>
      (doc.events as unknown[]).push(
        event({ id: 'a', place: elsewhere }),
        event({ id: 'b', place: elsewhere }),
        event({ id: 'c', place: other }),
      ),
    );
    expect(r.report.problems.map((p) => p.id)).toEqual(['a', 'c']);
    const key = (id: string) => r.dataset!.eventById.get(id)!.placeKey;
    expect([key('a'), key('b'), key('c')]).toEqual(['cairo-2', 'cairo-2', 'cairo-3']);
  });

  it('keeps one town at two precisions as one name, one place per precision, silently', () => {
    const town = { name: 'Ridgeford', lat: 13.6, lon: 25.3 };
    const r = load((doc) =>
      (doc.events as unknown[]).push(
        event({ id: 'a', place: { ...town, precision: 'city' } }),
        event({ id: 'b', place: { ...town, precision: 'area' } }),
      ),
    );
    expect(sayless(r.report.problems)).toEqual([]);
    const place = (id: string) => {
      const e = r.dataset!.eventById.get(id)!;
      return r.dataset!.places.get(e.placeKey!);
    };
    expect(place('a')).toMatchObject({ name: 'Ridgeford', precision: 'city' });
    expect(place('b')).toMatchObject({ name: 'Ridgeford', precision: 'area' });
  });

  it('accepts an inline place that repeats a registered place exactly', () => {
    const cairo = load().dataset!.places.get('cairo')!;
    const r = loadWithEvent(
      event({
        place: {
          id: 'cairo',
          name: cairo.name,
          lat: cairo.lat,
          lon: cairo.lon,
          precision: cairo.precision,
        },
      }),
    );
    expect(sayless(r.report.problems)).toEqual([]);
    expect(r.report.eventsAccepted).toBe(5);
    expect(r.dataset!.eventById.get('bad')!.placeKey).toBe('cairo');
  });
});

describe('loadDataset: the document itself', () => {
  it.each([
    ['an array', []],
    ['a string', 'dateline'],
    ['null', null],
    ['a number', 42],
  ])('rejects %s, which is not an object', (_label, raw) => {
    const r = loadDataset(raw, FILE);
    expect(r.dataset).toBeNull();
    expect(r.report).toEqual({
      file: FILE,
      problems: [
        {
          severity: 'error',
          collection: 'dataset',
          message: 'the file is not a JSON object',
          code: 'load.notObject',
          args: {},
        },
      ],
      eventsAccepted: 0,
      eventsRejected: 0,
    });
  });

  it('rejects a wrong format, saying which it found', () => {
    const r = load((doc) => (doc.format = 'dateline/2'));
    expect(r.dataset).toBeNull();
    expect(r.report.problems).toHaveLength(1);
    expect(r.report.problems[0]).toMatchObject({ severity: 'error', collection: 'dataset' });
    expect(r.report.problems[0]!.message).toBe('“format” must be “dateline/1”; found “dateline/2”');
  });

  it('rejects a missing format, saying it is missing', () => {
    const r = load((doc) => delete doc.format);
    expect(r.dataset).toBeNull();
    expect(r.report.problems[0]!.message).toBe(
      '“format” must be “dateline/1”; found no “format” field',
    );
  });

  it.each([
    ['an object', {}],
    ['a string', 'none'],
    ['missing', undefined],
  ])('rejects events that are %s instead of an array', (_label, events) => {
    const r = load((doc) => (doc.events = events));
    expect(r.dataset).toBeNull();
    expect(sayless(r.report.problems)).toEqual([
      expect.objectContaining({ severity: 'error', collection: 'dataset' }),
    ]);
    expect(r.report.problems[0]!.message).toMatch(/“events” must be an array/);
  });

  it.each([
    ['missing', undefined],
    ['blank', '   '],
    ['not a string', 7],
  ])('warns when the title is %s and falls back to the file name', (_label, title) => {
    const r = load((doc) => (doc.title = title));
    expect(r.dataset!.title).toBe(FILE);
    expect(sayless(r.report.problems)).toEqual([
      {
        severity: 'warning',
        collection: 'dataset',
        field: 'title',
        message: 'the dataset has no title; using the file name',
      },
    ]);
    expectValidEventsLoaded(r, 0);
  });
});

describe('loadDataset: imported HTML, media and geocoded places', () => {
  it('keeps summaryHtml beside the plain summary, media and where a place was geocoded', () => {
    const geocoded = { query: 'Gaza City', matched: 'Gaza', by: 'geonames' };
    const media = [{ url: 'https://example.org/a.jpg', caption: 'The crossing', credit: 'AP' }];
    const r = loadWithEvent(
      event({
        summary: 'Talks resume.',
        summaryHtml: '<p>Talks <b>resume</b>.</p>',
        media,
        place: { name: 'Gaza City', lat: 31.5, lon: 34.47, precision: 'city', geocoded },
      }),
    );
    expect(sayless(r.report.problems)).toEqual([]);
    const e = r.dataset!.eventById.get('bad')!;
    expect(e.summary).toBe('Talks resume.');
    expect(e.summaryHtml).toBe('<p>Talks <b>resume</b>.</p>');
    expect(e.media).toEqual(media);
    expect(r.dataset!.places.get(e.placeKey!)!.geocoded).toEqual(geocoded);
  });
});

describe('loadDataset: dataset-level extra', () => {
  it('keeps an `extra` object an importer wrote, and ignores one that is not an object', () => {
    const eras = [{ title: 'Phase one', start: '2025-01-19', end: '2025-03-01' }];
    const kept = load((doc) => Object.assign(doc, { extra: { eras } }));
    expect(kept.dataset!.extra).toEqual({ eras });
    const ignored = load((doc) => Object.assign(doc, { extra: 'eras' }));
    expect(ignored.dataset!.extra).toBeUndefined();
    expect(ignored.report.problems).toEqual([]);
  });
});

describe('loadDataset: the language the dataset declares', () => {
  it('keeps a BCP 47 tag, canonical, and leaves none out when there is none', () => {
    expect(load((doc) => Object.assign(doc, { language: 'AR-eg' })).dataset!.language).toBe(
      'ar-EG',
    );
    const none = load();
    expect(none.dataset!.language).toBeUndefined();
    expect('language' in none.dataset!).toBe(false);
  });

  it('leaves out a value that is not a language tag, with a warning; the events still load', () => {
    const r = load((doc) => Object.assign(doc, { language: 'Arabic!' }));
    expect(r.dataset!.language).toBeUndefined();
    expect(r.dataset!.events.length).toBeGreaterThan(0);
    expect(sayless(r.report.problems)).toEqual([
      {
        severity: 'warning',
        collection: 'dataset',
        field: 'language',
        message:
          '“language” must be a BCP 47 language tag such as "ar" or "en-GB"; found “Arabic!”, ignored',
      },
    ]);
  });
});

describe('loadDataset: every key of an event’s extra', () => {
  it('keeps an own "__proto__" key as a key, not as the prototype', () => {
    const extra = JSON.parse('{"__proto__": "kept", "note": "n"}') as Record<string, unknown>;
    const r = loadWithEvent(event({ id: 'proto', extra }));
    const e = r.dataset!.eventById.get('proto')!;
    expect(Object.keys(e.extra!).sort()).toEqual(['__proto__', 'note']);
    expect(Object.getOwnPropertyDescriptor(e.extra, '__proto__')!.value).toBe('kept');
    expect(Object.getPrototypeOf(e.extra)).toBe(Object.prototype);
  });
});

describe('loadDataset: one bad event is reported and the rest still load', () => {
  it.each([
    ['a string', 'talks'],
    ['null', null],
    ['an array', []],
  ])('an event that is %s', (_label, bad) => {
    const r = loadWithEvent(bad);
    expect(rejection(r)).toEqual(eventError({ field: '' }, /expected object/));
  });

  it('an event without an id', () => {
    const bad = event();
    delete bad.id;
    const r = loadWithEvent(bad);
    expect(rejection(r)).toEqual(
      eventError({ field: 'id' }, /expected string, received undefined/),
    );
  });

  it('a duplicate event id: the second is rejected, naming the first', () => {
    const r = loadWithEvent(event({ id: 'statement', title: 'Another statement' }));
    expect(rejection(r)).toEqual(eventError({ id: 'statement', field: 'id' }, /duplicate id/));
    expect(errors(r)[0]!.message).toContain('events[1]');
    expect(errors(r)[0]!.message).toContain('“statement”');
    // The first one wins.
    expect(r.dataset!.eventById.get('statement')!.title).toBe('Minister speaks');
  });

  it.each(['Bad Event', 'talks__x', '-talks', 'talks-', 'Ünicode'])(
    'an id that is not a slug: %s',
    (id) => {
      const r = loadWithEvent(event({ id }));
      expect(rejection(r)).toEqual(eventError({ id, field: 'id' }, /lowercase slug/));
    },
  );

  it('a missing required field, by its path', () => {
    const r = loadWithEvent(event({ time: { start: '2025-02-20' } }));
    expect(rejection(r)).toEqual(
      eventError({ id: 'bad', field: 'time.precision' }, /expected one of/),
    );
  });

  it('media whose URL is not http(s)', () => {
    const r = loadWithEvent(event({ media: [{ url: 'javascript:alert(1)' }] }));
    expect(rejection(r)).toEqual(eventError({ id: 'bad', field: 'media[0].url' }, /http\(s\)/));
  });

  it('a geocoded place that does not say what it matched (the place union reports it whole)', () => {
    const place = { name: 'Gaza', lat: 31.5, lon: 34.47, precision: 'city' };
    const r = loadWithEvent(event({ place: { ...place, geocoded: { query: 'Gaza' } } }));
    expect(rejection(r)).toEqual(eventError({ id: 'bad', field: 'place' }, /Invalid input/));
  });

  it('an unknown event type', () => {
    const r = loadWithEvent(event({ type: 'rumour' }));
    expect(rejection(r)).toEqual(eventError({ id: 'bad', field: 'type' }, /statement/));
  });

  it('an unknown actor, at its position in the list', () => {
    const r = loadWithEvent(
      event({
        actors: [
          { actor: 'mediator', role: 'mediator' },
          { actor: 'nobody', role: 'party' },
        ],
      }),
    );
    expect(rejection(r)).toEqual(
      eventError({ id: 'bad', field: 'actors[1].actor' }, 'unknown actor “nobody”'),
    );
  });

  it('an unknown place', () => {
    const r = loadWithEvent(event({ place: 'atlantis' }));
    expect(rejection(r)).toEqual(
      eventError({ id: 'bad', field: 'place' }, 'unknown place “atlantis”'),
    );
  });

  it('a place id that is not a slug', () => {
    const r = loadWithEvent(event({ place: 'Cairo' }));
    expect(rejection(r)).toEqual(eventError({ id: 'bad', field: 'place' }, /lowercase slug/));
  });

  it('an unknown source in evidence', () => {
    const r = loadWithEvent(
      event({ evidence: [{ source: 'blog', quote: 'something', start: 0, end: 9 }] }),
    );
    expect(rejection(r)).toEqual(
      eventError({ id: 'bad', field: 'evidence[0].source' }, 'unknown source “blog”'),
    );
  });

  it('a claim by someone who is neither an actor nor a source', () => {
    const r = loadWithEvent(event({ claim: { by: 'rumour', status: 'claimed' } }));
    expect(rejection(r)).toEqual(
      eventError(
        { id: 'bad', field: 'claim.by' },
        '“rumour” is neither a known actor nor a known source',
      ),
    );
  });

  it('accepts a claim by an actor as well as by a source', () => {
    const byActor = loadWithEvent(event({ claim: { by: 'state-a', status: 'claimed' } }));
    const bySource = loadWithEvent(event({ claim: { by: 'notes', status: 'claimed' } }));
    expect(byActor.report).toMatchObject({ problems: [], eventsAccepted: 5 });
    expect(bySource.report).toMatchObject({ problems: [], eventsAccepted: 5 });
  });

  it('a start date that does not parse', () => {
    const r = loadWithEvent(event({ time: { start: '27 Feb 2025', precision: 'day' } }));
    expect(rejection(r)).toEqual(
      eventError({ id: 'bad', field: 'time.start' }, /"27 Feb 2025" is not an ISO 8601/),
    );
  });

  it('a date that does not exist', () => {
    const r = loadWithEvent(event({ time: { start: '2025-02-30', precision: 'day' } }));
    expect(rejection(r)).toEqual(eventError({ id: 'bad', field: 'time.start' }, /no day 30/));
  });

  it('an end date that does not parse', () => {
    const r = loadWithEvent(
      event({ time: { start: '2025-02-20', end: 'soon', precision: 'day' } }),
    );
    expect(rejection(r)).toEqual(
      eventError({ id: 'bad', field: 'time.end' }, /"soon" is not an ISO 8601/),
    );
  });

  it('a start written at a different precision than `precision` says', () => {
    const r = loadWithEvent(event({ time: { start: '2025-02-20', precision: 'month' } }));
    expect(rejection(r)).toEqual(
      eventError(
        { id: 'bad', field: 'time.start' },
        '“2025-02-20” is written to the day but precision is “month”',
      ),
    );
  });

  it('an end written at a different precision than the start', () => {
    const r = loadWithEvent(
      event({ time: { start: '2025-02-20', end: '2025-03', precision: 'day' } }),
    );
    expect(rejection(r)).toEqual(
      eventError({ id: 'bad', field: 'time.end' }, /written to the month/),
    );
  });

  it('an hour precision without minutes, with a hint how to write it', () => {
    const r = loadWithEvent(event({ time: { start: '2025-02-20', precision: 'hour' } }));
    expect(rejection(r)).toEqual(
      eventError({ id: 'bad', field: 'time.start' }, /write an hour as T23:00/),
    );
  });

  it('an end before the start', () => {
    const r = loadWithEvent(
      event({ time: { start: '2025-02-20', end: '2025-02-19', precision: 'day' } }),
    );
    expect(rejection(r)).toEqual(
      eventError({ id: 'bad', field: 'time.end' }, 'end “2025-02-19” is before start “2025-02-20”'),
    );
  });

  it('accepts an end on the same day as the start', () => {
    const r = loadWithEvent(
      event({ time: { start: '2025-02-20', end: '2025-02-20', precision: 'day' } }),
    );
    expect(r.report).toMatchObject({ problems: [], eventsAccepted: 5, eventsRejected: 0 });
  });

  it.each([
    ['lat', 91, /latitude must be between -90 and 90/],
    ['lat', -90.5, /latitude must be between -90 and 90/],
    ['lon', 180.01, /longitude must be between -180 and 180/],
    ['lon', -200, /longitude must be between -180 and 180/],
  ])('an inline place with %s %d out of range', (key, value, message) => {
    const place = { name: 'Nowhere', lat: 10, lon: 10, precision: 'area', [key]: value };
    const r = loadWithEvent(event({ place }));
    expect(rejection(r)).toEqual(eventError({ id: 'bad', field: `place.${key}` }, message));
  });

  it('a quote not at its offsets, saying where it actually is', () => {
    const r = loadWithEvent(
      event({ evidence: [{ source: 'wire', quote: QUOTE, start: 0, end: QUOTE.length }] }),
    );
    expect(rejection(r)).toEqual(
      eventError(
        { id: 'bad', field: 'evidence[0].quote' },
        `quote not found at offsets 0–${QUOTE.length}; it is at ${QUOTE_AT}–${QUOTE_AT + QUOTE.length}`,
      ),
    );
  });

  it('a quote that is not in the source text at all', () => {
    const r = loadWithEvent(
      event({
        evidence: [
          { source: 'wire', quote: QUOTE, start: QUOTE_AT, end: QUOTE_AT + QUOTE.length },
          { source: 'wire', quote: 'talks have collapsed', start: 10, end: 30 },
        ],
      }),
    );
    expect(rejection(r)).toEqual(
      eventError(
        { id: 'bad', field: 'evidence[1].quote' },
        /offsets 10–30; the quote is not in the source text at all/,
      ),
    );
  });

  it('does not check a quote against a source that has no text', () => {
    const r = loadWithEvent(
      event({ evidence: [{ source: 'notes', quote: 'anything', start: 3, end: 11 }] }),
    );
    expect(r.report).toMatchObject({ problems: [], eventsAccepted: 5 });
  });

  it.each([
    [5, 5],
    [9, 4],
  ])('evidence whose end %d is not after its start', (start, end) => {
    const r = loadWithEvent(event({ evidence: [{ source: 'wire', quote: 'x', start, end }] }));
    expect(rejection(r)).toEqual(
      eventError(
        { id: 'bad', field: 'evidence[0].end' },
        `end offset ${end} is not after start offset ${start}`,
      ),
    );
  });

  it('reports every problem of an event, and counts the event once', () => {
    const r = loadWithEvent(
      event({
        place: 'atlantis',
        actors: [{ actor: 'nobody', role: 'party' }],
        claim: { by: 'rumour', status: 'claimed' },
      }),
    );
    expect(
      errors(r)
        .map((p) => p.field)
        .sort(),
    ).toEqual(['actors[0].actor', 'claim.by', 'place']);
    expect(errors(r).every((p) => p.index === 4 && p.id === 'bad')).toBe(true);
    expectValidEventsLoaded(r, 1);
  });

  it('counts each rejected event, wherever it is in the file', () => {
    const r = load((doc) => {
      const events = doc.events as unknown[];
      events.unshift(event({ id: 'bad-1', place: 'atlantis' }));
      events.push(event({ id: 'bad-2', type: 'rumour' }), event({ id: 'good' }));
    });
    // In file order, whichever check (schema or reference) found the problem.
    expect(errors(r).map((p) => [p.index, p.id])).toEqual([
      [0, 'bad-1'],
      [5, 'bad-2'],
    ]);
    expect(r.report.eventsAccepted).toBe(5);
    expect(r.report.eventsRejected).toBe(2);
    expect(r.dataset!.eventById.has('good')).toBe(true);
  });
});

describe('loadDataset: actors, places and sources', () => {
  it.each([
    ['lat', 91, 'latitude must be between -90 and 90'],
    ['lon', -180.5, 'longitude must be between -180 and 180'],
  ])('rejects a place with %s %d out of range and keeps the rest', (key, value, message) => {
    const r = load((doc) =>
      doc.places.push({
        id: 'nowhere',
        name: 'Nowhere',
        lat: 0,
        lon: 0,
        precision: 'area',
        [key]: value,
      }),
    );
    expect(sayless(r.report.problems)).toEqual([
      { severity: 'error', collection: 'places', index: 1, id: 'nowhere', field: key, message },
    ]);
    expect(r.dataset!.places.has('nowhere')).toBe(false);
    expect(r.dataset!.places.has('cairo')).toBe(true);
    expectValidEventsLoaded(r, 0);
  });

  it('rejects an event that names a place that was itself rejected', () => {
    const r = load((doc) => {
      doc.places.push({ id: 'nowhere', name: 'Nowhere', lat: 95, lon: 0, precision: 'area' });
      (doc.events as unknown[]).push(event({ place: 'nowhere' }));
    });
    expect(errors(r).map((p) => `${p.collection}:${p.field}`)).toEqual([
      'places:lat',
      'events:place',
    ]);
    expectValidEventsLoaded(r, 1);
  });

  it('rejects a duplicate actor id, naming the first', () => {
    const r = load((doc) => doc.actors.push({ id: 'gov-a', name: 'Again', kind: 'government' }));
    expect(sayless(r.report.problems)).toEqual([
      {
        severity: 'error',
        collection: 'actors',
        index: 4,
        id: 'gov-a',
        field: 'id',
        message: 'duplicate id: actors[1] already uses “gov-a”',
      },
    ]);
    expect(r.dataset!.actors.get('gov-a')!.name).toBe('Government of A');
  });

  it('rejects actors, places or sources that are not arrays, and reports events that need them', () => {
    const r = load((doc) => {
      (doc as unknown as Item).sources = { wire: {} };
    });
    expect(r.report.problems[0]).toEqual({
      severity: 'error',
      collection: 'sources',
      message: '“sources” must be an array',
      code: 'load.notArray',
      args: { collection: 'sources' },
    });
    // Events that cite a source can no longer be checked, so they are rejected, not dropped.
    expect(r.report.eventsRejected).toBe(2);
    expect(r.dataset!.events.map((e) => e.id)).toEqual(['deadline', 'statement']);
    expect(
      errors(r)
        .filter((p) => p.collection === 'events')
        .map((p) => p.id),
    ).toEqual(['talks-resume', 'talks-resume', 'visit']);
  });

  it('warns about an unknown memberOf, drops the link and keeps the actor', () => {
    const r = load((doc) =>
      doc.actors.push({ id: 'militia', name: 'Militia', kind: 'armed-group', memberOf: 'ghost' }),
    );
    expect(errors(r)).toEqual([]);
    expect(warnings(r)).toEqual([
      {
        severity: 'warning',
        collection: 'actors',
        index: 4,
        id: 'militia',
        field: 'memberOf',
        message: expect.stringContaining('memberOf “ghost” is not a known actor'),
      },
    ]);
    const militia = r.dataset!.actors.get('militia')!;
    expect(militia.name).toBe('Militia');
    expect(militia.memberOf).toBeUndefined();
    expectValidEventsLoaded(r, 0);
  });

  it('warns about a memberOf cycle, breaks it and keeps every actor', () => {
    const r = load((doc) =>
      doc.actors.push(
        { id: 'x', name: 'X', kind: 'organisation', memberOf: 'y' },
        { id: 'y', name: 'Y', kind: 'organisation', memberOf: 'z' },
        { id: 'z', name: 'Z', kind: 'organisation', memberOf: 'x' },
      ),
    );
    expect(errors(r)).toEqual([]);
    const w = warnings(r);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ collection: 'actors', field: 'memberOf' });
    expect(['x', 'y', 'z']).toContain(w[0]!.id);
    expect(w[0]!.message).toMatch(/cycle/);
    const actors = r.dataset!.actors;
    expect(['x', 'y', 'z'].every((id) => actors.has(id))).toBe(true);
    // Following memberOf from any actor now ends.
    for (const start of actors.keys()) {
      const seen = new Set<string>();
      let up: string | undefined = start;
      while (up !== undefined) {
        expect(seen.has(up)).toBe(false);
        seen.add(up);
        up = actors.get(up)?.memberOf;
      }
    }
    // Exactly one link was dropped; the other two remain.
    expect(['x', 'y', 'z'].filter((id) => actors.get(id)!.memberOf !== undefined)).toHaveLength(2);
    expectValidEventsLoaded(r, 0);
  });

  it('warns about an actor that is its own member', () => {
    const r = load((doc) =>
      doc.actors.push({ id: 'selfish', name: 'S', kind: 'person', memberOf: 'selfish' }),
    );
    expect(warnings(r)).toEqual([
      expect.objectContaining({ id: 'selfish', index: 4, message: expect.stringMatching(/cycle/) }),
    ]);
    expect(r.dataset!.actors.get('selfish')!.memberOf).toBeUndefined();
  });

  it('keeps the link of an actor that only points into a cycle', () => {
    const r = load((doc) =>
      doc.actors.push(
        { id: 'envoy', name: 'Envoy', kind: 'person', memberOf: 'x' },
        { id: 'x', name: 'X', kind: 'organisation', memberOf: 'y' },
        { id: 'y', name: 'Y', kind: 'organisation', memberOf: 'x' },
      ),
    );
    const actors = r.dataset!.actors;
    expect(actors.get('envoy')!.memberOf).toBe('x');
    const w = warnings(r);
    expect(w).toHaveLength(1);
    expect(['x', 'y']).toContain(w[0]!.id);
    expect([actors.get('x')!.memberOf, actors.get('y')!.memberOf].filter(Boolean)).toHaveLength(1);
  });

  it('warns about a source published date that does not parse, and keeps the source', () => {
    const r = load((doc) => (doc.sources[1]!.published = 'last week'));
    expect(sayless(r.report.problems)).toEqual([
      {
        severity: 'warning',
        collection: 'sources',
        index: 1,
        id: 'notes',
        field: 'published',
        message: '“last week” is not an ISO 8601 date',
      },
    ]);
    expect(r.dataset!.sources.has('notes')).toBe(true);
    expectValidEventsLoaded(r, 0);
  });
});

describe('describeLocation', () => {
  it('names collection, index, id and field', () => {
    expect(
      describeLocation({
        severity: 'error',
        collection: 'events',
        index: 3,
        id: 'x',
        field: 'time.start',
        message: 'm',
      }),
    ).toBe('events[3] “x” · time.start');
  });

  it('leaves out what the problem does not have', () => {
    expect(describeLocation({ severity: 'error', collection: 'dataset', message: 'm' })).toBe(
      'dataset',
    );
    expect(
      describeLocation({
        severity: 'error',
        collection: 'events',
        index: 0,
        field: 'id',
        message: 'm',
      }),
    ).toBe('events[0] · id');
    expect(
      describeLocation({
        severity: 'warning',
        collection: 'dataset',
        field: 'title',
        message: 'm',
      }),
    ).toBe('dataset · title');
  });

  it('names a CSV row and column instead of the collection index', () => {
    expect(
      describeLocation({
        severity: 'error',
        collection: 'events',
        index: 10,
        row: 12,
        column: 'event_date',
        field: 'time.start',
        message: 'm',
      }),
    ).toBe('row 12 · column event_date');
    expect(
      describeLocation({
        severity: 'warning',
        collection: 'events',
        row: 3,
        id: 'pse1',
        field: 'place',
        message: 'm',
      }),
    ).toBe('row 3 “pse1” · place');
  });

  it('locates a problem the loader reports', () => {
    const r = loadWithEvent(event({ place: 'atlantis' }));
    expect(describeLocation(errors(r)[0]!)).toBe('events[4] “bad” · place');
  });
});

describe('loadDatasetInSlices', () => {
  const big = () => ({
    format: 'dateline/1',
    title: 'Many',
    sources: [{ id: 'src', title: 'T', publisher: 'P' }],
    events: Array.from({ length: 5000 }, (_, i) => ({
      id: `e-${i}`,
      title: `Event ${i}`,
      type: 'other',
      status: 'occurred',
      time: { start: `2025-02-${String((i % 28) + 1).padStart(2, '0')}`, precision: 'day' },
      claim: { by: 'src', status: 'reported' },
      ...(i === 4321 && { place: 'nowhere' }),
    })),
  });

  it('gives the same result as loadDataset, with progress between slices', async () => {
    const progress: Array<[number, number]> = [];
    const sliced = await loadDatasetInSlices(big(), 'many.json', {
      sliceMs: 0,
      onProgress: (done, total) => progress.push([done, total]),
    });
    const whole = loadDataset(big(), 'many.json');
    expect(sliced.report).toEqual(whole.report);
    expect(sliced.dataset!.events).toEqual(whole.dataset!.events);
    expect(sliced.report.eventsRejected).toBe(1);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every(([done, total]) => total === 5000 && done > 0 && done < 5000)).toBe(true);
  });

  it('stops with an AbortError once cancelled', async () => {
    const controller = new AbortController();
    const loading = loadDatasetInSlices(big(), 'many.json', {
      sliceMs: 0,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('an event without a claim', () => {
  const unclaimed = (over: Item = {}) => {
    const e = event(over);
    delete e.claim;
    return e;
  };

  it('is attributed to the first source as reported, with one warning for the file', () => {
    const r = load((doc) => {
      doc.events = [
        ...(doc.events as unknown[]),
        unclaimed({ id: 'one' }),
        unclaimed({ id: 'two' }),
      ];
    });
    expect(errors(r)).toEqual([]);
    expect(r.dataset!.eventById.get('one')!.claim).toEqual({ by: 'wire', status: 'reported' });
    expect(r.dataset!.eventById.get('two')!.claim).toEqual({ by: 'wire', status: 'reported' });
    expect(warnings(r).map((p) => `${describeLocation(p)}: ${p.message}`)).toEqual([
      'events · claim: 2 events have no claim; attributed to “Talks to resume”, the dataset’s first source, as reported (events[4], events[5])',
    ]);
  });

  it('opens a dataset whose every event lacks one, and that has no sources, as unattributed', () => {
    const r = loadDataset(
      {
        format: 'dateline/1',
        title: 'Bare',
        actors: [{ id: 'unattributed', name: 'An actor of that name', kind: 'person' }],
        events: Array.from({ length: 7 }, (_, i) => unclaimed({ id: `e${i}` })),
      },
      FILE,
    );
    expect(errors(r)).toEqual([]);
    expect(r.report.eventsAccepted).toBe(7);
    const source = r.dataset!.sources.get('unattributed-2')!;
    expect(source).toMatchObject({ publisher: 'Unattributed' });
    expect(r.dataset!.events.every((e) => e.claim.by === 'unattributed-2')).toBe(true);
    expect(warnings(r)[0]!.message).toBe(
      '7 events have no claim; attributed to “Unattributed”, a source for events the file gives none, as reported (events[0], events[1], events[2], events[3], events[4], …)',
    );
  });

  it('still rejects a claim that is there but malformed', () => {
    const r = loadWithEvent(event({ claim: null }));
    expect(errors(r)).toEqual([expect.objectContaining({ index: 4, field: 'claim' })]);
  });
});
