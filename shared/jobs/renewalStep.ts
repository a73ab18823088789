import { renewalRules } from '../../rules/index.js';
import { isAnniversary, renewalWindowStart } from '../lifecycle/anniversary.js';
import { activeAreas, type LifecycleEvent } from '../lifecycle/membership.js';
import { planRenewal } from '../lifecycle/plan.js';
import { applyRenewal, lapseUnpaid, type QualifiedDay } from '../lifecycle/renewal.js';
import type { RenewalMessage } from '../model/jobs.js';
import { qualifiesByArea } from '../scoring/index.js';
import type { DaySummary, Renewal, RenewalStepPorts } from './ports.js';
import { recomputeDay } from './recomputeDay.js';

export interface StepOutcome {
  /** What happened, in a sentence for the log (or, when it never can succeed, why). */
  summary: string;
  events: LifecycleEvent[];
  /** The message can never succeed (its anniversary is not the partner's): nothing was written. */
  neverSucceeds?: true;
}

const qualifiedDays = (snapshots: readonly DaySummary[]): QualifiedDay[] =>
  snapshots.map((s) => ({ day: s.day, qualifies: qualifiesByArea(s.summary) }));

/**
 * One renewal step for one partner and anniversary A, idempotent: the renewal document decides
 * (written on its ETag, once), and the membership follows it, so a repeat, a retry after a crash
 * between the two writes, or a concurrent twin all end with one record and one fee.
 */
export async function runRenewalStep<Read, R extends Renewal>(
  message: RenewalMessage,
  ports: RenewalStepPorts<Read, R>,
): Promise<StepOutcome> {
  const { partnerId, anniversary: A, step, asOf } = message;
  const { partners, renewals } = ports;
  const nothing = (summary: string): StepOutcome => ({ summary, events: [] });

  // Whether A is the partner's anniversary at all, before anything is written.
  let loaded = await partners.loadMembership(partnerId);
  if (!loaded) return nothing(`partner ${partnerId} does not exist (any more)`);
  const anniversary = loaded.membership.anniversary;
  if (!anniversary || !isAnniversary(anniversary, A)) {
    return {
      summary: `${A} is not an anniversary of ${partnerId} (${anniversary ? `its anniversary is ${anniversary}` : 'it has none'})`,
      events: [],
      neverSucceeds: true,
    };
  }

  // On A itself, A's own score: its snapshot, or scored here if the nightly run has not got to this partner yet.
  let onA: QualifiedDay | undefined;
  if (step === 'renew' && asOf === A) {
    const snapshot = await partners.snapshot(partnerId, A);
    if (snapshot) onA = qualifiedDays([snapshot])[0];
    else {
      const day = await recomputeDay(ports, partnerId, A, 'ifAbsent');
      if (day.outcome === 'missing') return nothing(`partner ${partnerId} does not exist (any more)`);
      onA = { day: A, qualifies: day.qualifies };
      // A's own score may have changed the designations: plan on them as they are now.
      loaded = (await partners.loadMembership(partnerId)) ?? loaded;
    }
  }
  const { membership } = loaded;
  let doc = await renewals.get(partnerId, A);

  if (step === 'preview' || (step === 'renew' && !doc?.record)) {
    if (doc?.record) return nothing(`the renewal of ${partnerId} at ${A} has already run`);
    // An area that qualifies on A renews whatever the rest of the window says: read the window only for the others.
    const needsWindow = !onA || activeAreas(membership).some((area) => !onA!.qualifies[area]);
    const through = step === 'preview' ? asOf : A;
    const history = needsWindow
      ? qualifiedDays(await partners.history(partnerId, renewalWindowStart(A, renewalRules.terms), through))
      : [onA!];
    const plan = planRenewal(membership, history, A, doc?.choice?.package, renewalRules);
    if (!plan) return nothing(`${partnerId} has nothing to renew at ${A}`);
    if (step === 'preview') {
      await renewals.savePreview(partnerId, A, plan, asOf, ports.now());
      return nothing(
        `previewed the renewal of ${partnerId} at ${A}: renews ${plan.renewed.join(', ') || 'nothing'}, lapses ${plan.lapsed.join(', ') || 'nothing'}, fee ${plan.feeUsd} USD`,
      );
    }
    const read = doc;
    doc = await renewals.commitRenewal(partnerId, A, plan, asOf, ports.now(), read);
  }

  if (step === 'renew') {
    // Whoever committed first, this is the record: apply it (again, harmlessly, if already applied).
    const record = doc!.record!;
    const { events } = await partners.changeMembership(partnerId, (m) => applyRenewal(m, record), loaded.read);
    return {
      summary: `renewed ${partnerId} at ${A}: package ${record.package}, fee ${record.feeUsd} USD, renewed ${record.renewed.join(', ') || 'nothing'}, lapsed ${record.lapsed.join(', ') || 'nothing'}`,
      events,
    };
  }

  // The fee check, 30 days after A: the renewal document records the decision first (serialised with payments by its ETag), then the designations follow.
  if (!doc?.record) return nothing(`no renewal of ${partnerId} at ${A} to check the fee of`);
  const checked = await renewals.changeRecord(partnerId, A, ports.now(), (doc) =>
    doc.feeDue ? doc : { ...doc, feeDue: { checkedOn: asOf, lapsed: doc.record.paid ? [] : doc.record.renewed } },
  );
  if (checked.feeDue!.lapsed.length === 0) return nothing(`the fee of ${partnerId} for ${A} is paid (or none was due)`);
  const { events } = await partners.changeMembership(
    partnerId,
    (m) => lapseUnpaid(m, checked.record!, checked.feeDue!.checkedOn, renewalRules.terms),
    loaded.read,
  );
  return {
    summary: `the fee of ${partnerId} for ${A} was unpaid on ${checked.feeDue!.checkedOn}: ${checked.feeDue!.lapsed.join(', ')} lapsed`,
    events,
  };
}
