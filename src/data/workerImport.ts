// The import worker's work (./import.worker.ts loads it): reads the bytes, detects the format (a Parquet or Arrow file by its bytes,
// its reader loaded only then), maps and validates every row, and posts back the model in parts
// (./datasetParts.ts), so the page takes it in short tasks. The geocoder's data is fetched only
// when a row needs it. For a table whose columns it is unsure of, it answers with a preview
// instead and waits in the column-mapping step: it counts, over the whole file, how many rows a
// mapping would load, and imports with the mapping the page sends.
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
import { groupProblems } from '../model/problemGroups';
import type {
  FetchRequest,
  ImportReply,
  ImportRequest,
  ImportSource,
  MappingRequest,
} from './importProtocol';
import { decodeUtf8, sourceBytes } from './readText';
import { post, postError } from './workerReply';
import { columnDatasetParts, datasetParts, PARTS_AHEAD } from './datasetParts';
import {
  columnarFormatOf,
  importColumnarAsColumns,
  type ColumnarFormat,
} from '../formats/columnar';

/** A dataset on its way to the page, a part at a time, a few parts ahead of its answers. */
let sending: { parts: ReturnType<typeof datasetParts>; done: ImportReply; ahead: number } | null =
  null;

function pump(): void {
  while (sending && sending.ahead < PARTS_AHEAD) {
    const next = sending.parts.next();
    if (next.done) {
      post(sending.done);
      sending = null;
      return;
    }
    sending.ahead++;
    post({ type: 'part', part: next.value.part }, next.value.transfer);
  }
}

/** Thrown by the first geocoding call before the geocoder is loaded. */
class NeedGeocoder extends Error {}

/** A file read whole: its text, or the bytes of a columnar file (Parquet, Arrow IPC). */
type Content = { text: string } | { bytes: Uint8Array; columnar: ColumnarFormat };

async function readContent(source: ImportSource): Promise<Content> {
  if (source.kind === 'text') return { text: source.text };
  const bytes = await sourceBytes(source);
  post({ type: 'progress', phase: 'read', done: bytes.byteLength, total: bytes.byteLength });
  const columnar = columnarFormatOf(bytes, source.name);
  if (columnar) return { bytes, columnar };
  // A zip is read as KMZ: the KML inside it is the file.
  return { text: isZip(bytes) ? kmlFromKmz(bytes, source.name) : decodeUtf8(bytes, source.name) };
}

/** The file being imported, kept while the page chooses its columns. */
let pending: { text: string; request: ImportRequest; mappable: boolean } | null = null;

async function load(content: Content, { source, baseUrl }: ImportRequest, columns?: ColumnMapping) {
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
  // A Parquet or Arrow file is imported column-wise when it can be (its events straight into
  // columns), else row by row as a CSV is.
  const importIt = () =>
    'text' in content
      ? importDataset(content.text, options)
      : importColumnarAsColumns(content.bytes, content.columnar, options);
  let result;
  try {
    result = await importIt();
  } catch (err) {
    if (!(err instanceof NeedGeocoder)) throw err;
    post({ type: 'progress', phase: 'geocoder', done: 0, total: 1 });
    geocode = await loadGeocoder(fetch, baseUrl);
    result = await importIt();
  }
  const mappable =
    'text' in content && (pending?.mappable ?? previewColumns(content.text, source.name) !== null);
  const report = 'columns' in result ? result.columns.report : result.report;
  const outcome = {
    formatName: FORMAT_NAMES[result.format],
    report: { ...report, problems: [] },
    ...(columns && { columns: formatMapping(columns) }),
    mappable,
  };
  // The dataset and its problems go in parts, so that the page takes them in short tasks.
  sending = {
    parts:
      'columns' in result
        ? columnDatasetParts(result.columns)
        : datasetParts(result.dataset, result.report),
    done: { type: 'done', outcome: { ...outcome, dataset: null }, parts: true },
    ahead: 0,
  };
  pump();
}

async function run(request: ImportRequest): Promise<void> {
  const content = await readContent(request.source);
  if (!('text' in content) || request.columns || !request.ask)
    return load(content, request, request.columns);
  const { text } = content;
  const preview = previewColumns(text, request.source.name);
  pending = { text, request, mappable: preview !== null };
  if (preview && (request.ask === 'always' || preview.unsure.length > 0)) {
    post({ type: 'columns', preview });
    return;
  }
  return load(content, request);
}

/** A ?data= link's file, downloaded by this worker (./import.worker.ts), imported as the app would ask. */
export function importFetched({ href, name, baseUrl, ask }: FetchRequest, buffer: ArrayBuffer) {
  const source: ImportSource = { kind: 'buffer', buffer, name, url: href };
  return run({ type: 'import', source, baseUrl, ask });
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
    // The group with its first few problems: the page says it in the reader's language.
    ...(top && { reason: { ...top, problems: top.problems.slice(0, 3) } }),
  });
}

/** A message from the page. */
export function hear(message: ImportRequest | MappingRequest): void {
  if (message.type === 'ack') {
    if (sending) sending.ahead--;
    pump();
    return;
  }
  if (message.type === 'import') {
    run(message).catch(postError);
    return;
  }
  if (!pending) return;
  try {
    if (message.type === 'count') {
      count(pending.text, pending.request.source.name, message.seq, message.columns);
    } else {
      load({ text: pending.text }, pending.request, message.columns).catch(postError);
    }
  } catch (err) {
    postError(err);
  }
}
