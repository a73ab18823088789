/** Money in whole cents: the facts carry at most two decimals, so sums of cents are exact. */
export function cents(usd: number): number {
  return Math.round(usd * 100);
}

export function fromCents(n: number): number {
  return n / 100;
}
