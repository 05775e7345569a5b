import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { EVENT_TYPES, datelineJsonSchema } from './schema';

const committedUrl = new URL('../../public/schema/dateline-1.schema.json', import.meta.url);

type JsonObject = Record<string, unknown>;

function prop(schema: unknown, ...path: string[]): JsonObject {
  let node = schema as JsonObject;
  for (const key of path) {
    const next = (node.properties as JsonObject | undefined)?.[key] ?? node[key];
    expect(next, `schema has no ${path.join('.')}`).toBeTypeOf('object');
    node = next as JsonObject;
  }
  return node;
}

describe('the published JSON Schema', () => {
  it('matches the zod validator (if not, run npm run schema)', () => {
    const committed: unknown = JSON.parse(readFileSync(committedUrl, 'utf8'));
    expect(
      committed,
      'public/schema/dateline-1.schema.json is out of date with src/model/schema.ts: run npm run schema',
    ).toEqual(datelineJsonSchema());
  });

  it('is a draft 2020-12 schema with its own id and title', () => {
    const schema = datelineJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('dateline-1.schema.json');
    expect(schema.title).toBe('Dateline dataset (dateline/1)');
  });

  it('requires format, title and events, but not the collections that default', () => {
    const required = datelineJsonSchema().required as string[];
    expect(required).toContain('events');
    expect(required).toContain('format');
    expect(required).toContain('title');
    expect(required).not.toContain('actors');
    expect(required).not.toContain('description');
  });

  it('pins the format to dateline/1', () => {
    expect(prop(datelineJsonSchema(), 'format').const).toBe('dateline/1');
  });

  it('lists the event types as an enum', () => {
    const events = prop(datelineJsonSchema(), 'events');
    expect(events.type).toBe('array');
    const type = prop(events, 'items', 'type');
    expect(type.enum).toEqual([
      'statement',
      'negotiation',
      'agreement',
      'exchange',
      'deadline',
      'visit',
      'military',
      'humanitarian',
      'other',
    ]);
    expect(type.enum).toEqual([...EVENT_TYPES]);
  });

  it('describes an event’s required fields and input defaults', () => {
    const item = prop(datelineJsonSchema(), 'events', 'items');
    expect(item.required).toEqual(
      expect.arrayContaining(['id', 'title', 'type', 'time', 'status']),
    );
    expect(item.required).not.toContain('tags');
    // The loader attributes an unclaimed event to the first source (load.ts, Unclaimed).
    expect(item.required).not.toContain('claim');
    expect(prop(item, 'tags').default).toEqual([]);
    expect(prop(item, 'time', 'precision').enum).toEqual([
      'year',
      'month',
      'day',
      'hour',
      'minute',
    ]);
  });
});
