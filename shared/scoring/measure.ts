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
    case 'bizAppsRevenue':
      return (m) => m.bizAppsRevenue;
    case 'bizAppsMcv':
      return (m) => m.bizAppsMcv;
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

const predicates = new WeakMap<Threshold, (value: number) => boolean>();

function predicateFor(threshold: Threshold): (value: number) => boolean {
  if ('atLeast' in threshold) return (v) => v >= threshold.atLeast;
  if ('above' in threshold) return (v) => v > threshold.above;
  if ('atMost' in threshold) return (v) => v <= threshold.atMost;
  return (v) => v < threshold.below;
}

/** Whether a value meets a threshold from the rules (compiled once per threshold). */
export function meets(threshold: Threshold, value: number): boolean {
  let predicate = predicates.get(threshold);
  if (!predicate) predicates.set(threshold, (predicate = predicateFor(threshold)));
  return predicate(value);
}

export function describeThreshold(threshold: Threshold): string {
  if ('atLeast' in threshold) return `≥ ${threshold.atLeast}`;
  if ('above' in threshold) return `> ${threshold.above}`;
  if ('atMost' in threshold) return `≤ ${threshold.atMost}`;
  return `< ${threshold.below}`;
}

export function describeMeasure(measure: Measure): string {
  const name = measure.field === 'azureAcr' ? `${measure.area} ACR (USD)` : measure.field;
  return measure.per ? `${name} per paid seat` : name;
}
