// The largest file Dateline can read: it reads a file as one text, and Chromium's (V8's) longest
// string is 2^29 − 24 characters. A larger file is refused before it is read (a picked file,
// a download whose length is announced), with the size it has and the size that can be read,
// instead of failing half-way with "Invalid string length".

import { megabytes as mb } from './megabytes';

/** V8's `String::kMaxLength` on 64-bit builds; a UTF-8 file has at least as many bytes as characters. */
export const MAX_TEXT_BYTES = 2 ** 29 - 24;

/** Why a file of `bytes` cannot be read, or null when it can. */
export function tooLargeToRead(name: string, bytes: number): string | null {
  if (bytes <= MAX_TEXT_BYTES) return null;
  return `${name} is ${mb(bytes)}: larger than a browser can read as one text (${mb(MAX_TEXT_BYTES)}). Split it into smaller files and open them one at a time.`;
}
