// The import worker: reads the bytes, detects the format, maps and validates every row, and posts
// back the model. The geocoder's data is fetched only when a row needs it.
import { FORMAT_NAMES, importDataset, isZip, kmlFromKmz } from '../formats';
import type { GeocodeFn, ImportOptions } from '../formats/types';
import { loadGeocoder } from '../geocode';
import type { ImportReply, ImportRequest, ImportSource } from './importProtocol';
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

async function run({ source, baseUrl }: ImportRequest): Promise<void> {
  const text = await readText(source);
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
    },
  });
}

self.onmessage = (e: MessageEvent<ImportRequest>) => {
  run(e.data).catch((err: unknown) =>
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
