// Dateline's own format: the file is already `dateline/1`, so the loader reads it as it is.
import { loadDataset } from '../model/load';
import type { Imported } from './draft';
import { abortError, ImportError } from './errors';
import type { ImportOptions } from './types';

export function importDatelineJson(doc: unknown, opts: ImportOptions): Imported {
  const events =
    typeof doc === 'object' && doc !== null && 'events' in doc && Array.isArray(doc.events)
      ? doc.events.length
      : 0;
  if (opts.signal?.aborted) throw abortError(opts.fileName);
  opts.onProgress?.(0, events);
  const { dataset, report } = loadDataset(doc, opts.fileName);
  if (!dataset) throw new ImportError(report);
  if (opts.signal?.aborted) throw abortError(opts.fileName);
  opts.onProgress?.(events, events);
  return { dataset, report };
}
