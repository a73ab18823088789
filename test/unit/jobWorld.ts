import type { Membership } from '../../shared/lifecycle/membership.js';
import type { RenewalRecord } from '../../shared/lifecycle/renewal.js';
import type { DaySummary, MembershipChange, Renewal, RenewalStepPorts } from '../../shared/jobs/ports.js';
import type { PartnerFacts } from '../../shared/model/partner.js';
import type { SolutionArea } from '../../shared/model/primitives.js';
import type { ScoreSummary } from '../../shared/scoring/summary.js';

interface StoredPartner {
  facts: PartnerFacts;
  membership: Membership;
}

export interface StoredRenewal extends Renewal {
  preview?: RenewalRecord & { on: string };
  renewedOn?: string;
  updatedAt: string;
}

/**
 * The partners, their snapshots and renewal records in memory, behind the jobs' ports, with a log
 * of every write so a test can say what a job wrote and how often. Each call is atomic, so every
 * write is on fresh data and the `read` a job hands back is not needed: it is the partner id.
 */
export function jobWorld(now = '2025-06-15T03:00:00.000Z') {
  const partners = new Map<string, StoredPartner>();
  const snapshots = new Map<string, DaySummary>();
  const renewals = new Map<string, StoredRenewal>();
  const writes: string[] = [];
  const key = (partnerId: string, day: string) => `${partnerId} ${day}`;

  function partner(partnerId: string): StoredPartner {
    const found = partners.get(partnerId);
    if (!found) throw new Error(`partner ${partnerId} not found`);
    return found;
  }

  function writeMembership(partnerId: string, change: (membership: Membership) => MembershipChange): MembershipChange {
    const stored = partner(partnerId);
    const changed = change(stored.membership);
    if (changed.events.length === 0) return { membership: stored.membership, events: [] };
    stored.membership = changed.membership;
    writes.push(`partner ${partnerId}`);
    return changed;
  }

  /** Like the renewal store: `change` sees the current renewal (a fresh one if none) and returns it unchanged to write nothing. */
  function writeRenewal(
    partnerId: string,
    anniversary: string,
    at: string,
    change: (current: StoredRenewal) => StoredRenewal,
  ): StoredRenewal {
    const current = renewals.get(key(partnerId, anniversary));
    const base = current ?? { anniversary, updatedAt: at };
    const next = change(base);
    if (current && next === base) return current;
    const written = { ...next, updatedAt: at };
    renewals.set(key(partnerId, anniversary), written);
    writes.push(`renewal ${partnerId} ${anniversary}`);
    return written;
  }

  const ports: RenewalStepPorts<string, StoredRenewal> = {
    partners: {
      loadForRecompute: async (partnerId) => {
        const found = partners.get(partnerId);
        return found && { facts: found.facts, membership: found.membership, read: partnerId };
      },
      changeMembership: async (partnerId, change) => writeMembership(partnerId, change),
      saveSnapshot: async (summary, _computedAt, mode) => {
        const id = key(summary.partnerId, summary.asOf);
        if (mode === 'ifAbsent' && snapshots.has(id)) return 'existed';
        snapshots.set(id, { day: summary.asOf, summary });
        writes.push(`snapshot ${id}`);
        return 'written';
      },
      loadMembership: async (partnerId) => {
        const found = partners.get(partnerId);
        return found && { membership: found.membership, read: partnerId };
      },
      snapshot: async (partnerId, day) => snapshots.get(key(partnerId, day)),
      history: async (partnerId, from, to) =>
        [...snapshots.entries()]
          .filter(([id, s]) => id.startsWith(`${partnerId} `) && s.day >= from && s.day <= to)
          .map(([, s]) => s)
          .sort((a, b) => a.day.localeCompare(b.day)),
    },
    renewals: {
      get: async (partnerId, anniversary) => renewals.get(key(partnerId, anniversary)),
      commitRenewal: async (partnerId, anniversary, record, on, at) =>
        writeRenewal(partnerId, anniversary, at, (doc) => (doc.record ? doc : { ...doc, record, renewedOn: on })),
      savePreview: async (partnerId, anniversary, preview, on, at) =>
        writeRenewal(partnerId, anniversary, at, (doc) => (doc.record ? doc : { ...doc, preview: { ...preview, on } })),
      changeRecord: async (partnerId, anniversary, at, change) => {
        const current = renewals.get(key(partnerId, anniversary));
        if (!current?.record) throw new Error(`partner ${partnerId} has no renewal record at ${anniversary}`);
        return writeRenewal(partnerId, anniversary, at, () => change(current as StoredRenewal & { record: RenewalRecord }));
      },
    },
    now: () => now,
  };

  return {
    ports,
    writes,
    addPartner(facts: PartnerFacts, membership: Membership = { designations: {} }) {
      partners.set(facts.partner.partnerId, { facts, membership });
    },
    membership: (partnerId: string) => partner(partnerId).membership,
    renewal: (partnerId: string, anniversary: string) => renewals.get(key(partnerId, anniversary)),
    /** A snapshot with these areas qualifying, the rest of the summary taken from `like`. */
    addSnapshot(partnerId: string, day: string, like: ScoreSummary, qualifying: readonly SolutionArea[]) {
      const areas = Object.fromEntries(
        Object.entries(like.areas).map(([area, result]) => [area, { ...result, qualifies: qualifying.includes(area as SolutionArea) }]),
      ) as ScoreSummary['areas'];
      snapshots.set(key(partnerId, day), { day, summary: { ...like, partnerId, asOf: day, areas } });
    },
    /** The fee paid in full, as the payment endpoint would record it. */
    pay(partnerId: string, anniversary: string) {
      const stored = renewals.get(key(partnerId, anniversary))!;
      renewals.set(key(partnerId, anniversary), { ...stored, record: { ...stored.record!, paid: true } });
    },
  };
}
