// zod as Dateline uses it: without its compiled parsers. zod 4 builds a fast object parser with
// `new Function` and, to know whether it may, tries one when a schema is made; under the page's
// Content-Security-Policy (no 'unsafe-eval') that try is reported as a violation even though zod
// catches it. `jitless` skips both. It must be set before any schema is made, so every module
// that makes schemas imports `z` from here, never from 'zod' itself.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
