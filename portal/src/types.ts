import type { z } from 'zod';
import type { ErrorBody, PartnerList, PartnerProfile } from '../../shared/model/api.js';
import type { Benefits, Designation, Renewals, RenewalView } from '../../shared/model/lifecycle.js';
import type { SolutionArea as SolutionAreaSchema } from '../../shared/model/primitives.js';
import type {
  AreaResultSchema,
  ContributorSchema,
  MetricResultSchema,
  ScoreDocumentSchema,
  WhatIfResultSchema,
} from '../../shared/model/scoreDocument.js';
import type { WhatIfRequestInput } from '../../shared/model/whatIf.js';

// The API's own schemas are the portal's types (type-only imports: nothing of zod reaches the bundle).
export type SolutionArea = z.infer<typeof SolutionAreaSchema>;
export type Contributor = z.infer<typeof ContributorSchema>;
export type ApiErrorBody = z.infer<typeof ErrorBody>;
export type Partner = z.infer<typeof PartnerProfile>;
export type PartnerPage = z.infer<typeof PartnerList>;
export type Renewal = RenewalView;
export type RenewalList = z.infer<typeof Renewals>;
export type BenefitList = z.infer<typeof Benefits>;
export type WhatIfBody = WhatIfRequestInput;

type Track = 'enterprise' | 'smb';
/** Optional fields the score document is gaining (paths, tracks, the association option used): shown when present. */
export type MetricResult = z.infer<typeof MetricResultSchema> & { option?: string };
export type AreaResult = Omit<z.infer<typeof AreaResultSchema>, 'metrics'> & {
  metrics: Record<string, MetricResult>;
  path?: Track;
  paths?: Record<Track, number>;
  track?: Track;
  trackReason?: string;
};
export type ScoreDocument = Omit<z.infer<typeof ScoreDocumentSchema>, 'areas'> & { areas: Record<SolutionArea, AreaResult> };
export type WhatIfResult = Omit<z.infer<typeof WhatIfResultSchema>, 'current' | 'hypothetical'> & {
  current: ScoreDocument;
  hypothetical: ScoreDocument;
};

export type DesignationState = z.infer<typeof Designation> & { renewsOn?: string };
export interface DesignationList {
  anniversary: string | null;
  nextAnniversary: string | null;
  designations: DesignationState[];
}
export interface BadgeList {
  badges: { badge: string; area?: SolutionArea; since?: string }[];
}

/** A stored day: the score document without contributors (GET /history). */
export interface HistoryDay {
  day: string;
  computedAt: string;
  summary: { areas: Record<SolutionArea, { score: number; qualifies: boolean }> };
}
export interface History {
  partnerId: string;
  from: string;
  to: string;
  days: HistoryDay[];
}

export interface Rules {
  certifications: { id: string; name: string; level: string }[];
  renewal: { windowStartMonthsBefore: number; previewDaysBefore: number; feeDueDaysAfter: number };
}
