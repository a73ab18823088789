import { settings, type Settings } from '../../shared/settings.js';
import { AccessStore } from '../../shared/store/accessStore.js';
import { AuditStore } from '../../shared/store/auditStore.js';
import { partnersContainerFor } from '../../shared/store/cosmos.js';
import { JobCheckpoints } from '../../shared/store/jobCheckpoints.js';
import { PartnerStore } from '../../shared/store/partnerStore.js';
import { RenewalStore } from '../../shared/store/renewalStore.js';
import { JobQueues, queueServiceFor } from '../../shared/queue/queues.js';

/** The storage adapters the functions work with, all over one container. */
export interface Adapters {
  partners: PartnerStore;
  renewals: RenewalStore;
  audit: AuditStore;
  access: AccessStore;
  checkpoints: JobCheckpoints;
  queues: JobQueues;
  /** The container itself, for the local host's setup and for tests that look under the stores. */
  container: ReturnType<typeof partnersContainerFor>;
}

/** The one place the service is wired: every adapter, from the settings. */
export function compose(s: Settings): Adapters {
  const container = partnersContainerFor(s);
  return {
    partners: new PartnerStore(container, s.SNAPSHOT_TTL_DAYS * 86_400),
    renewals: new RenewalStore(container),
    audit: new AuditStore(container),
    access: new AccessStore(container),
    checkpoints: new JobCheckpoints(container),
    queues: new JobQueues(queueServiceFor(s)),
    container,
  };
}

let composed: Adapters | undefined;

/** The adapters, composed on first use: Azure loads every function file before the first call, and the local host sets the settings before that. */
export function adapters(): Adapters {
  return (composed ??= compose(settings()));
}

/** For a host that changes the settings (the local host, the tests): the next use composes anew. */
export function resetAdapters(): void {
  composed = undefined;
}
