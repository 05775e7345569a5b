// TimelineJS and StoryMapJS imports become a story of their slides (issue 13).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDataset } from './index';
import { exportDatelineJson } from './exportDatelineJson';
import { loadDataset } from '../model/load';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const open = (name: string) => importDataset(fixture(name), { fileName: name });

describe('an imported slide show is a story of its slides', () => {
  for (const name of ['timelinejs.json', 'timelinejs.csv', 'timelinejs2.json']) {
    it(`${name}: every slide in time order, titled by the title slide`, () => {
      const { dataset } = open(name);
      expect(dataset.stories).toHaveLength(1);
      const [story] = dataset.stories;
      expect(story?.title).toBe(dataset.title);
      expect(story?.description).toBe(dataset.description);
      expect(story?.steps.map((s) => s.event)).toEqual(dataset.events.map((e) => e.id));
      expect(story?.steps.every((s) => s.text === '' && s.view === undefined)).toBe(true);
    });
  }

  it('TimelineJS: the title slide gives the story its title and description', () => {
    const { dataset } = open('timelinejs.json');
    expect(dataset.stories[0]).toMatchObject({
      id: 'gaza-ceasefire-end-of-phase-one',
      title: 'Gaza ceasefire: end of phase one',
      description: expect.stringContaining('Events reported in one Caliber.Az article'),
    });
  });

  it('StoryMapJS: the slides in the file’s order, the overview slide as the title', () => {
    const { dataset } = open('storymap.json');
    const [story] = dataset.stories;
    expect(story?.title).toBe('Mark Twain JSON');
    const titles = story?.steps.map((s) => dataset.eventById.get(s.event ?? '')?.title);
    expect(titles).toEqual([
      'Florida, Missouri',
      'Hannibal, Missouri',
      'Virginia City Territorial Enterprise',
      'San Francisco',
    ]);
  });

  it('leaves out the slides that did not load, and still plays the rest', () => {
    const { dataset, report } = open('timelinejs-bad-row.json');
    expect(report.eventsRejected).toBeGreaterThan(0);
    expect(dataset.stories[0]?.steps.map((s) => s.event)).toEqual(dataset.events.map((e) => e.id));
  });

  it('round-trips through Dateline JSON', () => {
    const { dataset } = open('timelinejs.csv');
    const back = loadDataset(JSON.parse(exportDatelineJson(dataset, dataset.events)), 'x.json');
    expect(back.report.problems).toEqual([]);
    expect(back.dataset?.stories).toEqual(dataset.stories);
  });
});
