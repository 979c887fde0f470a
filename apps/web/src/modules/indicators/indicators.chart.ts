/*
 * The arithmetic of the small progress charts, drawn as inline SVG without a chart library:
 * a "nice" value axis (0, 20, 40 … rather than 0, 17, 34 …), linear scales and the line path.
 */

export interface Scale {
  (value: number): number;
  domain: readonly [number, number];
  range: readonly [number, number];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = ((value: number) =>
    span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0)) as Scale;
  scale.domain = domain;
  scale.range = range;
  return scale;
}

/** 1, 2, 2.5 or 5 times a power of ten: the steps people read at a glance. */
export function niceStep(roughStep: number): number {
  if (!(roughStep > 0) || !Number.isFinite(roughStep)) return 1;
  const power = 10 ** Math.floor(Math.log10(roughStep));
  const fraction = roughStep / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

export interface ValueAxis {
  min: number;
  max: number;
  ticks: number[];
}

/**
 * An axis that starts at zero (bars of counts and shares must not exaggerate a difference) and
 * ends at a round step above every value; about `tickCount` ticks. Percentages stop at 100.
 */
export function valueAxis(values: readonly number[], { tickCount = 4, isPercent = false } = {}): ValueAxis {
  const finite = values.filter((value) => Number.isFinite(value));
  const low = Math.min(0, ...finite);
  let high = Math.max(0, ...finite);
  if (high === low) high = low + (isPercent ? 100 : 1);
  const step = niceStep((high - low) / Math.max(1, tickCount));
  const min = Math.floor(low / step) * step;
  let max = Math.ceil(high / step) * step;
  if (isPercent && max > 100 && high <= 100) max = 100;
  const ticks: number[] = [];
  // Rounded to the step's precision, so 0.1 + 0.2 does not print as 0,30000000000000004.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let tick = min; tick <= max + step / 2; tick += step) ticks.push(Number(tick.toFixed(digits)));
  return { min, max: ticks[ticks.length - 1] ?? max, ticks };
}

export interface Point {
  x: number;
  y: number;
}

/** An SVG path through the points; a missing value (null) breaks the line rather than drawing it at zero. */
export function linePath(points: readonly (Point | null)[]): string {
  const parts: string[] = [];
  let isDrawing = false;
  for (const point of points) {
    if (!point) {
      isDrawing = false;
      continue;
    }
    parts.push(`${isDrawing ? 'L' : 'M'}${round(point.x)},${round(point.y)}`);
    isDrawing = true;
  }
  return parts.join(' ');
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export interface BarLayout {
  /** Left edge of each band. */
  x: (index: number) => number;
  /** Centre of each band, for labels and line points. */
  center: (index: number) => number;
  width: number;
}

/** `count` bands across `[left, right]`, each bar `fill` of its band. */
export function bandLayout(count: number, left: number, right: number, fill = 0.6): BarLayout {
  const band = count > 0 ? (right - left) / count : 0;
  const width = band * fill;
  return {
    x: (index) => left + band * index + (band - width) / 2,
    center: (index) => left + band * index + band / 2,
    width,
  };
}
