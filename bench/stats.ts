/** Small statistics for the benchmarks: every figure is a median with its spread, never a single run. */

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** The p-th quantile (0–1) by linear interpolation between the nearest ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = p * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** "min–max (n runs)", each formatted by `fmt`. */
export function spread(values: readonly number[], fmt: (v: number) => string): string {
  return `range ${fmt(Math.min(...values))}–${fmt(Math.max(...values))} (${values.length} runs)`;
}
