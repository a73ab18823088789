/**
 * Money in whole cents: amounts carry at most two decimals, so sums of cents are exact
 * (866.18 + 40.03 + 93.79 reaches 1,000; 0.1 + 0.2 is 0.3). Shared by scoring and the fee.
 */
export function cents(usd: number): number {
  return Math.round(usd * 100);
}

export function fromCents(n: number): number {
  return n / 100;
}
