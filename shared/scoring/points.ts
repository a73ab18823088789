/** Comparisons at thresholds tolerate this much floating-point error (six people at 40/6 make 40). */
export const TOLERANCE = 1e-9;

/** Linear partial points: maxPoints × min(max(value, 0), target) / target. */
export function pointsFor(value: number, target: number, maxPoints: number): number {
  return (maxPoints * Math.min(Math.max(value, 0), target)) / target;
}

export function atLeast(value: number, minimum: number): boolean {
  return value >= minimum - TOLERANCE;
}

/** Shown figures: two decimals, nudged by the tolerance so 3 × 6.666… shows 20.00, not 19.99. */
export function round2(x: number): number {
  return Math.round((x + Math.sign(x) * TOLERANCE) * 100) / 100;
}

export function round4(x: number): number {
  return Math.round((x + Math.sign(x) * TOLERANCE) * 10_000) / 10_000;
}
