// How the import worker answers the page: its entry (./import.worker.ts) and its importer
// (./workerImport.ts) both post through these.
import type { ImportReply } from './importProtocol';

export const post = (reply: ImportReply, transfer: Transferable[] = []) =>
  self.postMessage(reply, { transfer });

/** An error, as the page shows it: its message. */
export const postError = (err: unknown) =>
  post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
