import type { LoadReport } from '../model/dataset';
import { quote } from '../model/quote';
import { FORMAT_NAMES } from './names';

const SUPPORTED = Object.values(FORMAT_NAMES);
const LIST = `${SUPPORTED.slice(0, -1).join(', ')} and ${SUPPORTED.at(-1)}`;

/** The file is none of the formats Dateline imports; the message names every one that it does. */
export class UnsupportedFormatError extends Error {
  override name = 'UnsupportedFormatError';

  constructor(
    readonly fileName: string,
    /** Why the file was not recognised, e.g. "it is not valid JSON (…)". */
    readonly reason: string,
  ) {
    super(`${fileName}: ${reason}. Dateline can import ${LIST}.`);
  }
}

/**
 * The file is in a supported format but cannot become a dataset at all (a `dateline/1` file
 * whose `events` is not an array, say). `report` holds the reason, as the loader gives it.
 */
export class ImportError extends Error {
  override name = 'ImportError';

  constructor(readonly report: LoadReport) {
    super(`${report.file}: ${report.problems.map((p) => p.message).join('; ')}`);
  }
}

/** What a cancelled import throws: an Error named `AbortError`, as `fetch` does. */
export function abortError(fileName: string): Error {
  const error = new Error(`The import of ${fileName} was cancelled`);
  error.name = 'AbortError';
  return error;
}

/**
 * An export that could not be written, saying which event and field stopped it (a value nested
 * deeper than a writer can go, say), so the user can leave that event out.
 */
export class ExportError extends Error {
  override name = 'ExportError';

  constructor(
    readonly format: string,
    readonly eventId: string | undefined,
    readonly field: string | undefined,
    readonly reason: string,
  ) {
    super(
      eventId === undefined
        ? `Could not write the ${format} file: ${reason}`
        : `Could not write the ${format} file: event ${quote(eventId)}, field ${field}: ${reason}`,
    );
  }
}
