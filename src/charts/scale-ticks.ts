/**
 * Axis ticks chosen here rather than by Vega, so each tick's label can be formatted in Node
 * with Intl (萬, minus sign) and looked up by the axis.
 */

export interface Ticks {
  /** Scale domain: the first and last tick. */
  domain: [number, number];
  values: number[];
  step: number;
}

/** Round ticks covering [min, max] with about `count` intervals (steps of 1, 2, 2.5 or 5 × 10^k). */
export function niceTicks(min: number, max: number, count = 5): Ticks {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new Error(`niceTicks: bad range ${min}..${max}`);
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.ceil(max / step - 1e-9) * step;
  const values: number[] = [];
  for (let v = lo; v <= hi + step * 1e-9; v += step) values.push(roundTo(v, step));
  return { domain: [values[0]!, values.at(-1)!], values, step };
}

/** Removes float noise (0.30000000000000004) relative to the tick step. */
function roundTo(v: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  const r = Number(v.toFixed(digits));
  return r === 0 ? 0 : r;
}

/** A Vega expression that maps each tick value to its label (labels made in Node). */
export function labelLookup(values: readonly number[], label: (v: number) => string): string {
  const entries = values.map((v) => `${JSON.stringify(String(v))}:${JSON.stringify(label(v))}`);
  return `({${entries.join(",")}})[''+datum.value] || ''`;
}
