import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EventMaker } from '../../model/eventTable';
import { columnarFormatOf, importColumnar, importColumnarAsColumns } from './index';

const bytes = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));

describe('scratch', () => {
  it.each(['dateline.parquet', 'dateline.arrow', 'dateline.arrows', 'events.geoparquet', 'dateline-bad-row.parquet'])('%s', async (name) => {
    const b = bytes(name);
    const format = columnarFormatOf(b, name)!;
    const out = await importColumnarAsColumns(b, format, { fileName: name });
    console.log(name, 'declined' in out ? out.declined : 'columns');
  });
});
