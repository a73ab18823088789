export { scorePartner, type ScoreDocument } from './scorePartner.js';
export { toScoreDocument } from './document.js';
export { qualifiesByArea, toScoreSummary, type ScoreSummary } from './summary.js';
export { whatIf, type WhatIfResult } from './whatIf.js';
export type { AreaResult } from './area.js';
export type { MetricResult } from './metric.js';
export type { Contributor } from './kinds/index.js';
