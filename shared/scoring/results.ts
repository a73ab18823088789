import type { Path } from '../../rules/schema.js';
import type { MonthKey } from '../dates.js';

// What the scoring context caches but others compute (part results, track decisions): here, below both, so the context does not
// import the modules that read it.

/** Which track (path) a classified area is scored on, and why, in a sentence. */
export interface TrackDecision {
  track: Path;
  reason: string;
}

export interface MonthValue {
  month: MonthKey;
  value: number;
}

/** One customer, person or service and what it adds to a metric's value, with the months read. */
export interface Contributor {
  type: 'customer' | 'person' | 'service';
  id: string;
  /** The Business Applications workload of a (customer, workload) pair. */
  workload?: string;
  contribution: number;
  /** The measure's value in each month used, in month order. */
  months: MonthValue[];
  note: string;
}

export interface PartResult {
  value: number;
  contributors: Contributor[];
}

/** One Azure service as the distinct-services scan saw it (kinds/distinctServices.ts). */
export interface ServiceSeen {
  name: string;
  /** ACR by month offset within T (a plain array: typed arrays are slow to allocate). */
  acrByMonth: number[];
  customers: string[];
}

/** Per area (SOLUTION_AREAS order), the services seen, in the order first seen. */
export type ServicesByArea = ServiceSeen[][];
