import { describe, expect, it } from 'vitest';
import moment from 'moment';
import { yearStart } from '../../model/time';
import {
  patchLongYearSteps,
  axisFormat,
  axisYear,
  clampDraw,
  DRAW_MAX,
  DRAW_MIN,
  longYearStep,
  niceLabelStep,
} from './deepTime';

const utc = (ms: number) => moment(ms).utc();

describe('axisYear', () => {
  it('says single years exactly, and round BCE numbers for ticks ten years or more apart', () => {
    expect(axisYear(-499, 1)).toBe('500 BCE');
    expect(axisYear(0, 1)).toBe('1 BCE');
    expect(axisYear(-1000, 100)).toBe('1000 BCE');
    expect(axisYear(-10000, 1000)).toBe('10,000 BCE');
    expect(axisYear(0, 1000)).toBe('1 BCE');
    expect(axisYear(2000, 1000)).toBe('2000');
  });
});

describe('axisFormat', () => {
  const format = axisFormat((step) => step);

  it('labels year ticks BCE, and never writes a signed year', () => {
    expect(format.minorLabels(utc(yearStart(-1000)), 'year', 500)).toBe('1000 BCE');
    expect(format.minorLabels(utc(yearStart(1500)), 'year', 500)).toBe('1500');
    expect(format.majorLabels(utc(yearStart(-43)), 'month', 1)).toBe('44 BCE');
    expect(format.majorLabels(utc(yearStart(-43)), 'year', 1)).toBe('');
    expect(format.minorLabels(utc(Date.UTC(2025, 1, 27)), 'month', 1)).toBe('Feb');
  });

  it('labels only multiples of the thinned step', () => {
    const thinned = axisFormat(() => 50_000);
    expect(thinned.minorLabels(utc(yearStart(-100_000)), 'year', 1000)).toBe('100,000 BCE');
    expect(thinned.minorLabels(utc(yearStart(-101_000)), 'year', 1000)).toBe('');
  });
});

describe('niceLabelStep', () => {
  it('keeps the step when its labels have room, else the next 1-2-5 multiple that does', () => {
    expect(niceLabelStep(1000, 0.1)).toBe(1000);
    expect(niceLabelStep(1000, 0.0025)).toBe(50_000);
    expect(niceLabelStep(1000, 0)).toBe(1000);
  });
});

describe('clampDraw', () => {
  it('keeps instants inside what a Date can hold', () => {
    expect(clampDraw(-1e21)).toBe(DRAW_MIN);
    expect(clampDraw(1e21)).toBe(DRAW_MAX);
    expect(clampDraw(0)).toBe(0);
    expect(Number.isNaN(new Date(DRAW_MIN).getTime())).toBe(false);
  });
});

describe('patchLongYearSteps', () => {
  const YEAR = 1000 * 60 * 60 * 24 * 30 * 12;
  class FakeStep {
    scale = 'day';
    step = 1;
    setMinimumStep(minimumStep?: number) {
      if (minimumStep !== undefined && YEAR * 1000 > minimumStep) {
        this.scale = 'year';
        this.step = 1000;
      }
    }
  }
  patchLongYearSteps(FakeStep);
  patchLongYearSteps(FakeStep); // patched once only

  it('keeps the library’s steps up to 1000 years, and goes on in 1-2-5 steps beyond', () => {
    const step = new FakeStep();
    step.setMinimumStep(YEAR * 500);
    expect([step.scale, step.step]).toEqual(['year', 1000]);
    step.setMinimumStep(YEAR * 1400);
    expect([step.scale, step.step]).toEqual(['year', 2000]);
    step.setMinimumStep(YEAR * 60_000);
    expect([step.scale, step.step]).toEqual(['year', 100_000]);
  });

  it('longYearStep rounds up to 1, 2 or 5 times a power of ten, from 1000', () => {
    expect([10, 1000, 1001, 2500, 7000, 12_000].map(longYearStep)).toEqual([
      1000, 1000, 2000, 5000, 10_000, 20_000,
    ]);
  });
});
