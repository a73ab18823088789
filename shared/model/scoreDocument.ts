import { z } from 'zod';
import { IsoDate, MonthKey, SolutionArea } from './primitives.js';

/** The score document's shape (SPEC §6.1), for the OpenAPI document and to check the core's output. */
export const ContributorSchema = z.object({
  type: z.enum(['customer', 'person', 'service']),
  id: z.string(),
  workload: z.string().optional().describe('the Business Applications workload of a (customer, workload) pair'),
  contribution: z.number(),
  months: z.array(z.object({ month: MonthKey, value: z.number() })),
  note: z.string(),
});

const GateSchema = z.object({
  passed: z.boolean(),
  points: z.number().describe('points the met steps earn by themselves (SMB steps: 4 each)'),
  requirements: z.array(
    z.object({
      certification: z.string(),
      anyOf: z.array(z.string()),
      atLeastPeople: z.number().int(),
      people: z.number().int(),
      met: z.boolean(),
      points: z.number(),
    }),
  ),
  reason: z.string().optional(),
});

const Path = z.enum(['enterprise', 'smb']);

export const MetricResultSchema = z.object({
  metric: z.string(),
  description: z.string(),
  value: z.number(),
  points: z.number(),
  maxPoints: z.number(),
  target: z.number(),
  gate: GateSchema.nullable(),
  option: z.string().optional().describe('the association-type option whose points the metric took'),
  options: z.array(z.object({ option: z.string(), value: z.number(), points: z.number(), target: z.number() })).optional(),
  contributors: z.array(ContributorSchema),
  toFullPoints: z.string().nullable(),
});

export const AreaResultSchema = z.object({
  score: z.number(),
  qualifies: z.boolean(),
  shortfall: z.array(z.string()),
  metrics: z.record(z.string(), MetricResultSchema),
  path: Path.optional().describe('where the area has two paths: the one kept (the higher total)'),
  paths: z.object({ enterprise: z.number(), smb: z.number() }).optional().describe("both paths' totals"),
  track: Path.optional().describe('where the area has one track by classification: the track scored'),
  trackReason: z.string().optional().describe('why the partner is on that track'),
});

export const ScoreDocumentSchema = z.object({
  partnerId: z.string(),
  asOf: IsoDate,
  ruleSet: z.string(),
  evaluationMonth: MonthKey,
  areas: z.record(SolutionArea, AreaResultSchema),
  /** Certifications people hold that no metric or gate of the rule set counts: accepted, and counted nowhere. */
  uncountedCertifications: z.array(z.object({ certification: z.string(), people: z.number().int(), note: z.string() })).optional(),
});

export const WhatIfResultSchema = z.object({
  replaced: z
    .object({ customers: z.array(z.string()), people: z.array(z.string()) })
    .describe('hypothetical customers and people whose ids were already the partner’s: they stand in for the stored ones'),
  current: ScoreDocumentSchema,
  hypothetical: ScoreDocumentSchema,
  changes: z.record(
    SolutionArea,
    z.object({ scoreBefore: z.number(), scoreAfter: z.number(), qualifiesBefore: z.boolean(), qualifiesAfter: z.boolean() }),
  ),
});
