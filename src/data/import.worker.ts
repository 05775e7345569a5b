// The import worker: reads the bytes, detects the format, maps and validates every row, and posts
// back the model. The geocoder's data is fetched only when a row needs it. For a table whose
// columns it is unsure of, it answers with a preview instead and waits in the column-mapping
// step: it counts, over the whole file, how many rows a mapping would load, and imports with
// the mapping the page sends.
import {
  FORMAT_NAMES,
  formatMapping,
  importDataset,
  isZip,
  kmlFromKmz,
  previewColumns,
  type ColumnMapping,
} from '../formats';
import type { GeocodeFn, ImportOptions } from '../formats/types';
import { loadGeocoder } from '../geocode';
import { describeGroup, groupProblems } from '../model/problemGroups';
import type { ImportReply, ImportRequest, ImportSource, MappingRequest } from './importProtocol';
import { decodeUtf8, sourceBytes } from './readText';

const post = (reply: ImportReply) => self.postMessage(reply);

/** Thrown by the first geocoding call before the geocoder is loaded. */
class NeedGeocoder extends Error {}

async function readText(source: ImportSource): Promise<string> {
  if (source.kind === 'text') return source.text;
  const bytes = await sourceBytes(source);
  post({ type: 'progress', phase: 'read', done: bytes.byteLength, total: bytes.byteLength });
  // A zip is read as KMZ: the KML inside it is the file.
  return isZip(bytes) ? kmlFromKmz(bytes, source.name) : decodeUtf8(bytes, source.name);
}

/** The file being imported, kept while the page chooses its columns. */
let pending: { text: string; request: ImportRequest; mappable: boolean } | null = null;

async function load(text: string, { source, baseUrl }: ImportRequest, columns?: ColumnMapping) {
  let geocode: GeocodeFn | undefined;
  const lazyGeocode: GeocodeFn = (name, hint) => {
    if (!geocode) throw new NeedGeocoder();
    return geocode(name, hint);
  };
  const options: ImportOptions = {
    fileName: source.name,
    ...(source.kind === 'buffer' && source.url && { fileUrl: source.url }),
    onProgress: (done, total) => post({ type: 'progress', phase: 'parse', done, total }),
    geocode: lazyGeocode,
    ...(columns && { columns }),
  };
  let result;
  try {
    result = importDataset(text, options);
  } catch (err) {
    if (!(err instanceof NeedGeocoder)) throw err;
    post({ type: 'progress', phase: 'geocoder', done: 0, total: 1 });
    geocode = await loadGeocoder(fetch, baseUrl);
    result = importDataset(text, options);
  }
  post({
    type: 'done',
    outcome: {
      formatName: FORMAT_NAMES[result.format],
      dataset: result.dataset,
      report: result.report,
      ...(columns && { columns: formatMapping(columns) }),
      mappable: pending?.mappable ?? previewColumns(text, source.name) !== null,
    },
  });
}

async function run(request: ImportRequest): Promise<void> {
  const text = await readText(request.source);
  if (request.columns || !request.ask) return load(text, request, request.columns);
  const preview = previewColumns(text, request.source.name);
  pending = { text, request, mappable: preview !== null };
  if (preview && (request.ask === 'always' || preview.unsure.length > 0)) {
    post({ type: 'columns', preview });
    return;
  }
  return load(text, request);
}

/** How many rows a mapping loads: the import itself, without the geocoder (it rejects none). */
function count(text: string, name: string, seq: number, columns: ColumnMapping): void {
  const { report } = importDataset(text, { fileName: name, columns });
  const top = groupProblems(report.problems).find((g) => g.severity === 'error');
  post({
    type: 'count',
    seq,
    accepted: report.eventsAccepted,
    rejected: report.eventsRejected,
    ...(top && { reason: describeGroup(top) }),
  });
}

const fail = (err: unknown) =>
  post({ type: 'error', message: err instanceof Error ? err.message : String(err) });

self.onmessage = (e: MessageEvent<ImportRequest | MappingRequest>) => {
  const message = e.data;
  if (message.type === 'import') {
    run(message).catch(fail);
    return;
  }
  if (!pending) return;
  try {
    if (message.type === 'count') {
      count(pending.text, pending.request.source.name, message.seq, message.columns);
    } else {
      load(pending.text, pending.request, message.columns).catch(fail);
    }
  } catch (err) {
    fail(err);
  }
};
