import type { Container } from '@azure/cosmos';
import type { Membership } from '../lifecycle/membership.js';
import type { LegacyCompetency } from '../lifecycle/packages.js';
import type { RecordedSpecialization } from '../lifecycle/entitlements.js';
import { PARTNER_ID, type PartnerDoc } from './documents.js';
import { own, withEntry } from './own.js';
import { changePartnerDoc, noSuchPartner, readPartnerDoc, withDerived } from './partnerDocs.js';
import { lifecycleOf, membershipOf, type LifecycleChange, type PartnerLifecycle } from './partnerViews.js';
import { statusOf } from './transient.js';

/** The membership with the anniversary it sets mirrored into the profile (where clients read it), the first time it is set. */
function withMembership(current: PartnerDoc, membership: Membership): PartnerDoc {
  const anniversarySet = membership.anniversary !== undefined && current.profile.anniversary === undefined;
  return {
    ...current,
    membership,
    ...(anniversarySet
      ? { profile: { ...current.profile, anniversary: membership.anniversary }, profileVersion: current.profileVersion + 1 }
      : {}),
  };
}

/** A partner's standing in the program: its membership (designations, anniversary, package), legacy competencies and specializations. */
export class MembershipStore {
  constructor(private readonly container: Container) {}

  async lifecycle(partnerId: string): Promise<PartnerLifecycle> {
    const found = await this.loadLifecycle(partnerId);
    if (!found) throw noSuchPartner(partnerId);
    return found.lifecycle;
  }

  /** The lifecycle and the document it was read from, whose ETag a following change can write on. */
  async loadLifecycle(partnerId: string): Promise<{ lifecycle: PartnerLifecycle; doc: PartnerDoc } | undefined> {
    const doc = await readPartnerDoc(this.container, partnerId);
    return doc ? { lifecycle: lifecycleOf(doc), doc } : undefined;
  }

  /**
   * Changes the membership with the caller's pure `change` (a day's scores, a renewal, an unpaid
   * fee), which must be idempotent; nothing is written when it reports no events. Given the
   * document just read, the write goes on its ETag with no second read, and only if someone wrote
   * since is it read again and the change applied to fresh data. Answers the events and the
   * membership as it now stands.
   */
  async changeMembership(
    partnerId: string,
    change: (membership: Membership) => LifecycleChange,
    loaded?: PartnerDoc,
  ): Promise<LifecycleChange> {
    if (loaded) {
      const { membership, events } = change(membershipOf(loaded));
      if (events.length === 0) return { events, membership: membershipOf(loaded) };
      const next = withMembership(loaded, membership);
      try {
        await this.container
          .item(PARTNER_ID, partnerId)
          .replace(withDerived(next), { accessCondition: { type: 'IfMatch', condition: loaded._etag! } });
        return { events, membership: membershipOf(next) };
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
      }
    }
    let events: LifecycleChange['events'] = [];
    const { doc } = await changePartnerDoc(this.container, partnerId, (current) => {
      const changed = change(membershipOf(current));
      events = changed.events;
      return events.length === 0 ? current : withMembership(current, changed.membership);
    });
    return { events, membership: membershipOf(doc) };
  }

  /** Records a legacy competency. Answers whether it is new. */
  async putLegacyCompetency(partnerId: string, competency: LegacyCompetency): Promise<boolean> {
    const { previous } = await changePartnerDoc(this.container, partnerId, (current) => {
      const { competency: id, ...held } = competency;
      return { ...current, legacyCompetencies: withEntry(current.legacyCompetencies ?? {}, id, held) };
    });
    return own(previous.legacyCompetencies, competency.competency) === undefined;
  }

  /** Records a specialization; `check` refuses (by throwing) on the fresh document. Answers whether it is new, and the partner as written. */
  async putSpecialization(
    partnerId: string,
    specialization: RecordedSpecialization,
    check: (lifecycle: PartnerLifecycle) => void,
  ): Promise<{ created: boolean; lifecycle: PartnerLifecycle }> {
    const { doc, previous } = await changePartnerDoc(this.container, partnerId, (current) => {
      check(lifecycleOf(current));
      return {
        ...current,
        specializations: withEntry(current.specializations ?? {}, specialization.id, { attainedOn: specialization.attainedOn }),
      };
    });
    return { created: own(previous.specializations, specialization.id) === undefined, lifecycle: lifecycleOf(doc) };
  }
}
