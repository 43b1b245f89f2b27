/**
 * Half-up to 2 decimals like the vendor's database `round(x, 2)`. The nudge of a few ulps undoes
 * binary artefacts such as `1.005 * 100 = 100.49999999999999`.
 */
export function round2(value: number): number {
  return Math.round(value * 100 * (1 + 4 * Number.EPSILON)) / 100;
}

/** A number as shown in explanations: at most 4 decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Number.isInteger(value) ? value : Math.round(value * 1e4) / 1e4);
}
