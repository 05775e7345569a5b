// A search worker for unit tests: runs the worker's own code (textServer.ts) in this thread, and
// holds its replies until the test delivers them, so a test decides when answers arrive.
import type { TextWorker } from '../model/filter/textClient';
import type { TextReply, TextRequest } from '../model/filter/textProtocol';
import { textServer } from '../model/filter/textServer';

export class FakeTextWorker implements TextWorker {
  /** Every worker made since the last `reset`, newest last. */
  static made: FakeTextWorker[] = [];
  static reset(): void {
    FakeTextWorker.made = [];
  }

  readonly sent: TextRequest[] = [];
  readonly replies: TextReply[] = [];
  terminated = false;
  private readonly listeners: {
    message: Array<(e: MessageEvent<TextReply>) => void>;
    error: Array<(e: Event) => void>;
  } = { message: [], error: [] };
  private readonly handle = textServer((r) => this.replies.push(r));

  constructor() {
    FakeTextWorker.made.push(this);
  }

  postMessage(m: TextRequest): void {
    if (this.terminated) return;
    this.sent.push(m);
    this.handle(m);
  }

  addEventListener(type: 'message' | 'error', fn: (e: never) => void): void {
    (this.listeners[type] as Array<typeof fn>).push(fn);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Delivers the replies so far (answers are dropped once terminated, as a real worker's are). */
  deliver(): void {
    for (const r of this.replies.splice(0))
      if (!this.terminated)
        for (const fn of this.listeners.message) fn({ data: r } as MessageEvent<TextReply>);
  }

  /** Fails as a worker that cannot start does. */
  fail(): void {
    for (const fn of this.listeners.error) fn(new Event('error'));
  }

  searches(): string[] {
    return this.sent.flatMap((m) => (m.type === 'search' ? [m.q] : []));
  }
}
