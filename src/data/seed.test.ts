// The bundled dataset "Gaza ceasefire: end of phase one (February 2025)" must load without a
// single problem, quote its one source exactly, and keep its editorial choices (attribution,
// honest time and place precision) from drifting.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { loadDataset } from '../model/load';
import { describeLocation } from '../model/dataset';

const FILE = 'gaza-ceasefire-2025-02.json';
const SOURCE_ID = 'caliber-az-hamas-statement';
const datasetUrl = new URL('../../public/data/gaza-ceasefire-2025-02.json', import.meta.url);
const articleUrl = new URL(
  '../../../shared/seed/gaza-ceasefire-hamas-statement.txt',
  import.meta.url,
);

const raw: unknown = JSON.parse(readFileSync(datasetUrl, 'utf8'));
const { dataset, report } = loadDataset(raw, FILE);
const events = dataset?.events ?? [];
const source = dataset?.sources.get(SOURCE_ID);

function event(id: string) {
  const e = dataset?.eventById.get(id);
  if (!e) throw new Error(`no event “${id}”`);
  return e;
}

describe(`bundled dataset ${FILE}`, () => {
  it('loads with no problems at all', () => {
    const problems = report.problems.map((p) => `${describeLocation(p)}: ${p.message}`);
    expect(problems, `problems:\n${problems.join('\n')}`).toEqual([]);
    expect(dataset).not.toBeNull();
    expect(dataset?.title).toBe('Gaza ceasefire: end of phase one (February 2025)');
    expect(report.eventsRejected).toBe(0);
    expect(events.length).toBeGreaterThanOrEqual(10);
  });

  it('has the one source, with its full text, no url and an explained date', () => {
    expect([...(dataset?.sources.keys() ?? [])]).toEqual([SOURCE_ID]);
    expect(source?.publisher).toBe('Caliber.Az');
    expect(source?.author).toBe('Aghakazim Guliyev');
    expect(source?.url).toBeUndefined();
    expect(source?.published).toBe('2025-02-27');
    expect(source?.note).toMatch(/inferred/);
    expect(source?.note).toMatch(/Turkish media/);
    expect(source?.text?.length ?? 0).toBeGreaterThan(2000);
  });

  it.skipIf(!existsSync(articleUrl))('carries the article text byte for byte', () => {
    expect(source?.text).toBe(readFileSync(articleUrl, 'utf8'));
  });

  it('quotes every evidence passage exactly at its offsets', () => {
    for (const e of events) {
      expect(e.evidence.length, `${e.id} has no quote`).toBeGreaterThan(0);
      for (const ev of e.evidence) {
        const text = dataset?.sources.get(ev.source)?.text;
        expect(text, `${e.id}: source “${ev.source}” has no text`).toBeTypeOf('string');
        expect(text?.slice(ev.start, ev.end), `${e.id} @${ev.start}–${ev.end}`).toBe(ev.quote);
      }
    }
  });

  it('says in words why every approximate time is approximate', () => {
    for (const e of events.filter((x) => x.time.approximate)) {
      expect(e.time.text?.trim(), `${e.id} is approximate without time.text`).toBeTruthy();
    }
  });

  it('uses unique slug ids for events', () => {
    const ids = events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('attributes the Hamas statement to Hamas, as a claim only', () => {
    const statement = events.filter((e) => e.tags.includes('hamas-statement'));
    expect(statement.length).toBeGreaterThanOrEqual(6);
    for (const e of statement) {
      expect(e.claim, `${e.id}: claim`).toEqual({ by: 'hamas', status: 'claimed' });
      expect(e.type, `${e.id}: type`).toBe('statement');
    }
    // Nothing Hamas asserts is upgraded to confirmed.
    for (const e of events.filter((x) => x.claim.by === 'hamas')) {
      expect(e.claim.status, `${e.id} claimed by hamas`).toBe('claimed');
    }
  });

  it('attributes the Israeli official and the article’s own reporting', () => {
    expect(event('israeli-official-says-no-withdrawal-from-gaza-corridor').claim).toEqual({
      by: 'israeli-official',
      status: 'claimed',
    });
    for (const id of ['talks-begin-cairo', 'overnight-remains-prisoners-exchange']) {
      expect(event(id).claim, `${id}: claim`).toEqual({ by: SOURCE_ID, status: 'reported' });
    }
    expect(dataset?.actors.get('israeli-official')?.memberOf).toBe('israeli-government');
    expect(dataset?.actors.get('israeli-government')?.memberOf).toBe('israel');
  });

  it('has the stated dates exact and the inferred ones approximate', () => {
    const talks = event('talks-begin-cairo');
    expect(talks.time).toMatchObject({ start: '2025-02-27', precision: 'day', approximate: false });
    expect(talks.placeKey).toBe('cairo');

    const deadlines = events.filter(
      (e) => e.type === 'deadline' && e.status === 'scheduled' && e.time.start === '2025-03-01',
    );
    expect(deadlines.length).toBe(1);
    expect(deadlines[0]?.time).toMatchObject({ precision: 'day', approximate: false });

    const visits = events.filter((e) => e.type === 'visit' && e.status === 'expected');
    expect(visits.length).toBeGreaterThanOrEqual(1);
    for (const v of visits) expect(v.time.approximate, `${v.id}: approximate`).toBe(true);

    const exchanges = events.filter((e) => e.type === 'exchange');
    expect(exchanges.length).toBeGreaterThanOrEqual(1);
    expect(exchanges.some((e) => e.time.approximate && /overnight/.test(e.time.text ?? ''))).toBe(
      true,
    );
  });

  it('names Egypt, Qatar and the United States as mediators', () => {
    for (const id of ['egypt', 'qatar', 'united-states']) {
      const asMediator = events.some((e) =>
        e.actors.some((a) => a.actor === id && a.role === 'mediator'),
      );
      expect(asMediator, `${id} is never a mediator`).toBe(true);
    }
    const cairo = event('talks-begin-cairo');
    expect(cairo.actors).toContainEqual({ actor: 'egypt', role: 'host' });
  });

  it('gives places only at the precision the article supports', () => {
    expect(dataset?.places.get('cairo')?.precision).toBe('city');
    expect(dataset?.places.get('gaza-strip')?.precision).toBe('area');
    expect(dataset?.places.get('the-region')?.precision).toBe('region');
    expect(dataset?.places.get('the-region')?.note).toMatch(/the region/);
    // The article does not say where the handover or the officials' talks took place.
    expect(event('overnight-remains-prisoners-exchange').placeKey).toBeNull();
    expect(event('israeli-qatari-us-officials-talks').placeKey).toBeNull();
  });

  it('ships one short story over its own events, each step attributed', () => {
    const stories = dataset?.stories ?? [];
    expect(stories.map((s) => s.id)).toEqual(['end-of-phase-one']);
    const [story] = stories;
    expect(story?.steps.length).toBeGreaterThanOrEqual(4);
    expect(story?.steps.length).toBeLessThanOrEqual(7);
    for (const [i, step] of (story?.steps ?? []).entries()) {
      expect(step.event, `step ${i + 1} shows an event`).toBeDefined();
      // Whoever stands behind the step's claim is named in its text as saying or reporting it.
      const by = event(step.event ?? '').claim.by;
      const name = dataset?.actors.get(by)?.name ?? dataset?.sources.get(by)?.publisher ?? by;
      // "Israeli official (unnamed)": the text names the official as the article does.
      const who = name.replace(/\s*\(.*\)$/, '');
      const said = /\*\*([^*]+) (says|reports)\*\*/.exec(step.text)?.[1] ?? '';
      expect(said.toLowerCase(), `step ${i + 1} says who says what`).toContain(who.toLowerCase());
    }
  });
});
