// Writes public/schema/dateline-1.schema.json from the zod validator, so the two cannot drift.
// A unit test (src/model/schema.test.ts) fails when the committed file differs from this output.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { datelineJsonSchema } from '../src/model/schema';

const out = fileURLToPath(new URL('../public/schema/dateline-1.schema.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(datelineJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
