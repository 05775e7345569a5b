// The text of an import source, decoded as UTF-8 with a message that names the file when it is
// not. Shared by the import worker and the page's own reader (./importOnPage.ts).
import type { ImportSource } from './importProtocol';

type ByteSource = Exclude<ImportSource, { kind: 'text' }>;

export async function sourceBytes(source: ByteSource): Promise<Uint8Array> {
  return source.kind === 'buffer'
    ? new Uint8Array(source.buffer)
    : new Uint8Array(await source.blob.arrayBuffer());
}

export function decodeUtf8(bytes: Uint8Array, name: string): string {
  // fatal: a file that is not UTF-8 is reported, not silently garbled.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Where: the first character the lenient decoder had to replace.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    const line = at < 0 ? 0 : lenient.slice(0, at).split('\n').length;
    const where =
      line > 0
        ? `line ${line.toLocaleString('en-US')} holds bytes that are not UTF-8`
        : 'it is not UTF-8';
    throw new Error(
      `${name}: not UTF-8 text: ${where} (a file saved as Windows-1252 or Latin-1 does this). Save it as UTF-8 and try again.`,
    );
  }
}

/** The first `n` characters of a source or a little fewer, cheaply: enough to tell its format. */
export async function sourceHead(source: ImportSource, n: number): Promise<string> {
  if (source.kind === 'text') return source.text.slice(0, n);
  const bytes =
    source.kind === 'buffer'
      ? new Uint8Array(source.buffer, 0, Math.min(n, source.buffer.byteLength))
      : new Uint8Array(await source.blob.slice(0, n).arrayBuffer());
  // Not fatal: the cut may fall inside a character, and this is only a first look.
  return new TextDecoder().decode(bytes);
}
