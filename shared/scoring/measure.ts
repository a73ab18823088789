import type { Measure, Threshold } from '../../rules/schema.js';
import { acrOffset, FIELD_OFFSET, numbersAt, type PreparedCustomer } from './preparedCustomer.js';
import type { ScoringWindow } from './window.js';

/** A measure of one customer-month: its value from the partner's numbers at `at` (see MONTH_STRIDE); `at` < 0 is a month without data. */
export type MeasureReader = (numbers: Float64Array, at: number) => number;

function fieldOffset(measure: Measure): number {
  return measure.field === 'azureAcr' ? acrOffset(measure.area!) : FIELD_OFFSET[measure.field];
}

const readers = new WeakMap<Measure, MeasureReader>();

/** Turns a measure from the rules into a function of one customer-month; a ratio with no seats is 0. */
export function readerFor(measure: Measure): MeasureReader {
  let reader = readers.get(measure);
  if (!reader) {
    const offset = fieldOffset(measure);
    const seats = FIELD_OFFSET.paidSeats;
    reader =
      measure.per === 'paidSeats'
        ? (n, at) => (at < 0 || n[at + seats]! <= 0 ? 0 : n[at + offset]! / n[at + seats]!)
        : (n, at) => (at < 0 ? 0 : n[at + offset]!);
    readers.set(measure, reader);
  }
  return reader;
}

type BoundsLike = Pick<Threshold, 'atLeast' | 'above' | 'atMost' | 'below'>;

const predicates = new WeakMap<BoundsLike, (value: number) => boolean>();

function predicateFor(t: BoundsLike): (value: number) => boolean {
  const { atLeast, above, atMost, below } = t;
  // The common single-bound thresholds get a one-comparison predicate: this runs per customer-month.
  if (above === undefined && atMost === undefined && below === undefined) return (v) => v >= atLeast!;
  if (atLeast === undefined && atMost === undefined && below === undefined) return (v) => v > above!;
  return (v) =>
    (atLeast === undefined || v >= atLeast) &&
    (above === undefined || v > above) &&
    (atMost === undefined || v <= atMost) &&
    (below === undefined || v < below);
}

/** Whether a value is within a threshold's bounds (compiled once per threshold; a promotion grace is not applied here). */
export function meets(threshold: BoundsLike, value: number): boolean {
  let predicate = predicates.get(threshold);
  if (!predicate) predicates.set(threshold, (predicate = predicateFor(threshold)));
  return predicate(value);
}

/** Whether a value is past a threshold's upper bound (promoted out of a size class). */
export function isAbove(threshold: BoundsLike, value: number): boolean {
  return (threshold.atMost !== undefined && value > threshold.atMost) || (threshold.below !== undefined && value >= threshold.below);
}

const descriptions = new WeakMap<BoundsLike, string>();

/** A threshold in words, once per threshold of the rules. */
export function describeThreshold(threshold: BoundsLike): string {
  let text = descriptions.get(threshold);
  if (text === undefined) descriptions.set(threshold, (text = thresholdInWords(threshold)));
  return text;
}

function thresholdInWords(threshold: BoundsLike): string {
  const parts: string[] = [];
  if (threshold.atLeast !== undefined) parts.push(`≥ ${threshold.atLeast}`);
  if (threshold.above !== undefined) parts.push(`> ${threshold.above}`);
  if (threshold.atMost !== undefined) parts.push(`≤ ${threshold.atMost}`);
  if (threshold.below !== undefined) parts.push(`< ${threshold.below}`);
  return parts.join(' and ');
}

export function describeMeasure(measure: Measure): string {
  const name = measure.field === 'azureAcr' ? `${measure.area} ACR (USD)` : measure.field;
  return measure.per ? `${name} per paid seat` : name;
}

/** A measure's value in customer-month m (0 outside the window: no data there). */
export function valueIn(read: MeasureReader, customer: PreparedCustomer, window: ScoringWindow, m: number): number {
  return read(customer.numbers, numbersAt(customer, window, m));
}
