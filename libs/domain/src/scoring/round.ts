/**
 * Half-up to 2 decimals like the vendor's database `round(x, 2)`. Going through 12 significant
 * digits removes binary artefacts first (`1.005 * 100` is `100.49999999999999` in floating point).
 */
export function round2(value: number): number {
  return Math.round(Number((value * 100).toPrecision(12))) / 100;
}
