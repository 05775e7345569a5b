import { describe, expect, it } from 'vitest';
import { inPieces, memoSteps, runSteps, runStepsInSlices, type Steps } from './steps';

/** Sums 0..n-1 in pieces, noting each piece. */
function* sum(n: number, pieces: Array<[number, number]>, piece = 10): Steps<number> {
  let total = 0;
  yield* inPieces(
    n,
    (from, to) => {
      pieces.push([from, to]);
      for (let i = from; i < to; i++) total += i;
    },
    piece,
  );
  return total;
}

describe('inPieces', () => {
  it('covers [0, length) once, in order, in pieces, yielding between pieces only', () => {
    const pieces: Array<[number, number]> = [];
    const steps = sum(25, pieces);
    let yields = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) yields++;
    expect(pieces).toEqual([
      [0, 10],
      [10, 20],
      [20, 25],
    ]);
    expect(yields).toBe(2);
  });

  it('does nothing for nothing', () => {
    const pieces: Array<[number, number]> = [];
    expect(runSteps(sum(0, pieces))).toBe(0);
    expect(pieces).toEqual([]);
  });
});

describe('runSteps and runStepsInSlices', () => {
  it('give the same result, at once or in slices', async () => {
    const atOnce = runSteps(sum(1000, []));
    const inSlices = await runStepsInSlices(sum(1000, []), { sliceMs: 0, turn: async () => {} });
    expect(inSlices).toBe(atOnce);
    expect(atOnce).toBe((999 * 1000) / 2);
  });

  it('gives the page a turn once a slice has run its time, not after every piece', async () => {
    let clock = 0;
    const turns: number[] = [];
    const pieces: Array<[number, number]> = [];
    // Ten pieces of 10 ms of the clock each; a slice may run 25 ms.
    await runStepsInSlices(
      inPieces(
        100,
        (from, to) => {
          pieces.push([from, to]);
          clock += 10;
        },
        10,
      ),
      {
        sliceMs: 25,
        now: () => clock,
        turn: async () => {
          turns.push(pieces.length);
        },
      },
    );
    expect(pieces).toHaveLength(10);
    expect(turns).toEqual([3, 6, 9]);
  });

  it('stops at the next turn once the signal is aborted', async () => {
    const controller = new AbortController();
    let turns = 0;
    const run = runStepsInSlices(sum(100, [], 1), {
      sliceMs: 0,
      signal: controller.signal,
      turn: async () => {
        if (++turns === 3) controller.abort(new Error('cancelled'));
      },
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(turns).toBe(3);
  });
});

describe('memoSteps', () => {
  it('makes a result once per input, whether asked at once or made ahead in slices', async () => {
    let made = 0;
    const lengthOf = memoSteps(function* (a: number[]): Steps<number> {
      made++;
      yield;
      return a.length;
    });
    const a = [1, 2, 3];
    const b = [4];
    expect(lengthOf.has(a)).toBe(false);
    expect(await runStepsInSlices(lengthOf.steps(a), { sliceMs: 0, turn: async () => {} })).toBe(3);
    expect(lengthOf.has(a)).toBe(true);
    expect(lengthOf.get(a)).toBe(3);
    expect(runSteps(lengthOf.steps(a))).toBe(3);
    expect(made).toBe(1);
    expect(lengthOf.get(b)).toBe(1);
    expect(made).toBe(2);
  });

  it('keeps nothing of work stopped half way', () => {
    const lengthOf = memoSteps(function* (a: number[]): Steps<number> {
      yield;
      return a.length;
    });
    const a = [1, 2];
    const steps = lengthOf.steps(a);
    steps.next();
    steps.return(0);
    expect(lengthOf.has(a)).toBe(false);
    expect(lengthOf.get(a)).toBe(2);
  });
});
