// KMZ: a zip holding a KML file (doc.kml by convention) and the images it shows. The import worker
// receives bytes; a zip is opened here and its KML read as text. fflate: small (8 kB), no
// dependencies, synchronous inflate that runs in a Web Worker and in Node alike.
import { unzipSync } from 'fflate';

/** Whether bytes start like a zip file (a local file header, "PK\x03\x04"). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

/**
 * The KML text inside a KMZ: doc.kml at the root if there is one, else the first .kml file, as
 * Google Earth reads it. Throws an Error naming the file when there is none or it cannot open.
 */
export function kmlFromKmz(bytes: Uint8Array, name: string): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => /\.kml$/i.test(f.name) });
  } catch (err) {
    throw new Error(`${name}: the zip cannot be opened (${(err as Error).message})`, {
      cause: err,
    });
  }
  const names = Object.keys(files).sort((a, b) => a.split('/').length - b.split('/').length);
  const chosen = names.find((n) => n.toLowerCase() === 'doc.kml') ?? names[0];
  if (chosen === undefined) {
    throw new Error(`${name}: a zip file with no .kml inside; Dateline opens a zip only as KMZ`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(files[chosen]);
  } catch {
    throw new Error(`${name}: ${chosen} inside the KMZ is not UTF-8 text`);
  }
}
