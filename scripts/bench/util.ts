// Small helpers every part of the benchmark uses: logging, rounding, a time limit on a promise,
// and an error's message without Playwright's call log.
export const log = (...xs: unknown[]) => console.log(...xs);
export const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rejects with "timed out after … waiting for <what>" unless `p` settles first. */
export async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** An error's first line and, when Playwright appends its call log, the log's last step. */
export function message(err: unknown): string {
  const lines = (err instanceof Error ? err.message : String(err)).split('\n');
  // oxlint-disable-next-line no-control-regex
  const plain = lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').trim()).filter(Boolean);
  const callLog = plain.indexOf('Call log:');
  const lastStep = callLog >= 0 ? plain.at(-1) : undefined;
  return lastStep && lastStep !== 'Call log:'
    ? `${plain[0]} (last step: ${lastStep})`
    : (plain[0] ?? '');
}

export const sizeLabel = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
