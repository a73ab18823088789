import type { Measure, Threshold } from '../../rules/schema.js';
import { ACR_FIELD, type PreparedMonth } from './context.js';

export type MeasureReader = (month: PreparedMonth) => number;

function fieldReader(measure: Measure): MeasureReader {
  switch (measure.field) {
    case 'azureAcr': {
      const field = ACR_FIELD[measure.area!];
      return (m) => m[field];
    }
    case 'paidSeats':
      return (m) => m.paidSeats;
    case 'activeUsers':
      return (m) => m.activeUsers;
    case 'protectedUsers':
      return (m) => m.protectedUsers;
  }
}

const readers = new WeakMap<Measure, MeasureReader>();

/** Turns a measure from the rules into a function of one customer-month; a ratio with no seats is 0. */
export function readerFor(measure: Measure): MeasureReader {
  let reader = readers.get(measure);
  if (!reader) {
    const numerator = fieldReader(measure);
    reader = measure.per === 'paidSeats' ? (m) => (m.paidSeats > 0 ? numerator(m) / m.paidSeats : 0) : numerator;
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
    (atLeast === undefined || v >= atLeast) && (above === undefined || v > above) && (atMost === undefined || v <= atMost) && (below === undefined || v < below);
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
