// Work over every event that can be done at once or a slice at a time: a generator that yields
// between pieces of its work. Run at once (`runSteps`), it is an ordinary function; run in slices
// (`runStepsInSlices`), the page gets a turn between slices, so a pass over a million events never
// holds the page for longer than one slice. One piece of code for both, so the result cannot
// differ with how it was run. `memoSteps` keeps each result per input: work made ahead in slices
// is then found by whoever asks for it at once.
import { nextTask } from './load';

/** Work that yields between pieces of itself and returns `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface SliceOptions {
  /** How long one slice may run before the page gets a turn, ms. */
  sliceMs?: number;
  /** What gives the page its turn (a new task, by default). */
  turn?: () => Promise<void>;
  /** Once aborted, the work stops at the next turn with the signal's reason. */
  signal?: AbortSignal;
  /** The clock, ms. */
  now?: () => number;
}

/** Runs `steps` to the end, a slice of about `sliceMs` at a time. */
export async function runStepsInSlices<T>(steps: Steps<T>, opts: SliceOptions = {}): Promise<T> {
  const { sliceMs = 25, turn = nextTask, signal, now = () => performance.now() } = opts;
  let sliceStart = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - sliceStart < sliceMs) continue;
    await turn();
    signal?.throwIfAborted();
    sliceStart = now();
  }
}

/** Calls `each(from, to)` over [0, length) in pieces of `piece` items, yielding after each. */
export function* inPieces(
  length: number,
  each: (from: number, to: number) => void,
  piece = 4096,
): Steps<void> {
  for (let from = 0; from < length; from += piece) {
    each(from, Math.min(from + piece, length));
    if (from + piece < length) yield;
  }
}

/** A result kept per input (an array of events, say): asked at once, or made ahead in slices. */
export interface MemoSteps<K extends object, T> {
  /** The result for `key`, made at once unless it was made before. */
  get(key: K): T;
  /** The result's work, to run in slices (nothing to do when it was made before). */
  steps(key: K): Steps<T>;
  has(key: K): boolean;
}

export function memoSteps<K extends object, T>(make: (key: K) => Steps<T>): MemoSteps<K, T> {
  const made = new WeakMap<K, T>();
  function* steps(key: K): Steps<T> {
    if (made.has(key)) return made.get(key) as T;
    const result = yield* make(key);
    made.set(key, result);
    return result;
  }
  return {
    get: (key) => runSteps(steps(key)),
    steps,
    has: (key) => made.has(key),
  };
}
