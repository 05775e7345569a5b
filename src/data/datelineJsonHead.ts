// Whether a file is Dateline's own JSON, by its first characters: the page reads such a file
// itself (./importOnPage.ts), and the import worker hands it back unread (./import.worker.ts).
import type { ImportSource } from './importProtocol';
import { sourceHead } from './readText';

/** How much of a file is looked at to tell whether it is Dateline JSON. */
const HEAD = 4096;
const DATELINE_HEAD = /^\uFEFF?\s*\{[\s\S]*"format"\s*:\s*"dateline\/1"/;

/**
 * Whether a file's first characters say it is Dateline JSON: a JSON object whose "format" key
 * (unescaped quotes: not inside a string) says `dateline/1`. A file that says so later, past the
 * first 4 KB, still loads, in the worker.
 */
export function looksLikeDatelineJson(head: string): boolean {
  return DATELINE_HEAD.test(head);
}

/** Whether a source's first characters say it is Dateline JSON (`looksLikeDatelineJson`). */
export async function isDatelineJson(source: ImportSource): Promise<boolean> {
  return looksLikeDatelineJson(await sourceHead(source, HEAD));
}
