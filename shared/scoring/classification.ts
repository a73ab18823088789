import type { Classification } from '../../rules/schema.js';
import { associationMask } from './associations.js';
import { type ScoringContext } from './context.js';
import { isEligibleIn } from './preparedCustomer.js';
import { workloadValuesAt } from './kinds/workloadPairs.js';
import { TOLERANCE } from './points.js';
import type { TrackDecision } from './results.js';
import { nameOf } from './window.js';

const usd = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Azure (2026 page): SMB when at least the share of customers with an eligible association in M are SMB. */
function bySegments(c: Extract<Classification, { kind: 'smbShareOfCustomers' }>, ctx: ScoringContext): TrackDecision {
  const { window } = ctx;
  const mask = associationMask(c.associations);
  let total = 0;
  let smb = 0;
  for (const customer of ctx.customers) {
    if (!isEligibleIn(customer, window, window.evaluationMonth, mask)) continue;
    total++;
    if (customer.smb) smb++;
  }
  const month = nameOf(window, window.evaluationMonth);
  if (total === 0) return { track: 'enterprise', reason: `Enterprise: no customer has an eligible association in ${month}` };
  const percent = `${Math.round(c.atLeastShare * 100)}%`;
  // 12 of 15 is exactly 80%: compare with a tolerance, as 0.8 × 15 is 12.000000000000002 in floating point.
  return smb >= c.atLeastShare * total - TOLERANCE
    ? { track: 'smb', reason: `SMB: ${smb} of ${total} customers are SMB in ${month} (SMB from ${percent})` }
    : { track: 'enterprise', reason: `Enterprise: ${smb} of ${total} customers are SMB in ${month} (SMB from ${percent})` };
}

/** Business Applications: Enterprise when enough (customer, workload) pairs bring more than X in both M and Y. */
function byWorkloads(c: Extract<Classification, { kind: 'workloadPairs' }>, ctx: ScoringContext): TrackDecision {
  const { window } = ctx;
  const M = window.evaluationMonth;
  const Y = window.comparisonMonth;
  const mask = associationMask(c.associations);
  let pairs = 0;
  for (const customer of ctx.customers) {
    // Revenue per net-adds workload, each month under its own associations (none when not associated then).
    const now = workloadValuesAt(ctx, customer, M, 'revenue', mask);
    if (now.size === 0) continue;
    const then = workloadValuesAt(ctx, customer, Y, 'revenue', mask);
    for (const [workload, revenue] of now) if (revenue > c.revenueAbove && (then.get(workload) ?? 0) > c.revenueAbove) pairs++;
  }
  const what = `(customer, workload) pairs bring more than ${usd.format(c.revenueAbove)} USD in both ${nameOf(window, M)} and ${nameOf(window, Y)}`;
  return pairs >= c.atLeastPairs
    ? { track: 'enterprise', reason: `Enterprise: ${pairs} ${what} (Enterprise from ${c.atLeastPairs})` }
    : { track: 'smb', reason: `SMB: ${pairs} ${what} (Enterprise from ${c.atLeastPairs})` };
}

/** The partner's track for an area; the three Azure areas share one classification, decided once. */
export function classify(classification: Classification, ctx: ScoringContext): TrackDecision {
  const byRule = (ctx.trackDecisions ??= new Map());
  let decision = byRule.get(classification);
  if (!decision) {
    decision = classification.kind === 'smbShareOfCustomers' ? bySegments(classification, ctx) : byWorkloads(classification, ctx);
    byRule.set(classification, decision);
  }
  return decision;
}
