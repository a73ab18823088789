import type { Container } from '@azure/cosmos';
import { fanOutId, JOBS_PARTITION, type FanOutCheckpoint, type FanOutJob } from './documents.js';

/** The daily jobs' fan-out checkpoints, one document per job and day in the `_jobs` partition. */
export class JobCheckpoints {
  constructor(private readonly container: Container) {}

  async get(job: FanOutJob, day: string): Promise<FanOutCheckpoint | undefined> {
    return (await this.container.item(fanOutId(day, job), JOBS_PARTITION).read<FanOutCheckpoint>()).resource;
  }

  async save(job: FanOutJob, checkpoint: Omit<FanOutCheckpoint, 'id' | 'partnerId' | 'type'>): Promise<void> {
    await this.container.items.upsert<FanOutCheckpoint>({
      id: fanOutId(checkpoint.day, job),
      partnerId: JOBS_PARTITION,
      type: 'fanOut',
      ...checkpoint,
    });
  }
}
