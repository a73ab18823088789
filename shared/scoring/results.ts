import type { Path } from '../../rules/schema.js';

// What the scoring context caches but others compute: here, below both, so the context does not
// import the modules that read it.

/** Which track (path) a classified area is scored on, and why, in a sentence. */
export interface TrackDecision {
  track: Path;
  reason: string;
}
