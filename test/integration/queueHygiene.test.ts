import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renewalTerms } from '../../rules/index.js';
import { checkMessage, QUEUE_MESSAGES, wrongStepDay } from '../../shared/jobs/messageChecks.js';
import { decodeMessage, encodeMessage, RECOMPUTE_QUEUE, RENEWAL_QUEUE } from '../../shared/queue/queues.js';
import { queue } from './queues.js';
import { startTestHost, until, type TestHost } from './testHost.js';
import { adapters } from '../../functions/edge/composition.js';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost({ queueSettings: { visibilityTimeout: 0, maxPollingInterval: 200 } });
  expect(
    (
      await host.api('/api/partners', {
        method: 'POST',
        json: { partnerId: 'hygiene', name: 'H', country: 'JP', anniversary: '2025-06-15' },
      })
    ).status,
  ).toBe(201);
});
afterAll(async () => {
  await host?.stop();
});

/** Every document of the partner but the partner document's own bookkeeping: what a message might have written. */
const docs = async () => {
  const { resources } = await adapters()
    .container.items.query<{ id: string; _etag: string }>(
      { query: "SELECT c.id, c._etag FROM c WHERE c.partnerId = 'hygiene'" },
      { partitionKey: 'hygiene' },
    )
    .fetchAll();
  return resources.sort((a, b) => a.id.localeCompare(b.id));
};

async function poisonedBy(queueName: string, message: unknown): Promise<{ reason: string; message: unknown }> {
  const poison = queue(`${queueName}-poison`);
  await poison.clearMessages();
  const before = host.logs.length;
  await queue(queueName).sendMessage(encodeMessage(message));
  let found: { reason: string; message: unknown } | undefined;
  await until(async () => {
    const received = await poison.receiveMessages();
    found = received.receivedMessageItems[0] && (decodeMessage(received.receivedMessageItems[0].messageText) as typeof found);
    return found !== undefined;
  }, 10_000);
  // Once, not after retries.
  expect(host.logs.slice(before).filter((l) => l.includes('failed (attempt'))).toEqual([]);
  return found!;
}

describe('a queue message that can never succeed goes to -poison at once, with the reason, and writes nothing', () => {
  it('a recompute as of a day far in the future', async () => {
    const before = await docs();
    const poisoned = await poisonedBy(RECOMPUTE_QUEUE, { partnerId: 'hygiene', reason: 'requested', asOf: '2098-01-01' });
    expect(poisoned).toMatchObject({
      message: { asOf: '2098-01-01' },
      reason: expect.stringContaining('asOf 2098-01-01 is in the future'),
    });
    expect(await docs()).toEqual(before);
  });

  it('a renewal at a day that is not the partner’s anniversary: no snapshot, no designation change', async () => {
    const before = await docs();
    const poisoned = await poisonedBy(RENEWAL_QUEUE, {
      partnerId: 'hygiene',
      anniversary: '2025-06-20',
      step: 'renew',
      asOf: '2025-06-20',
    });
    expect(poisoned.reason).toBe('2025-06-20 is not an anniversary of hygiene (its anniversary is 2025-06-15)');
    expect(await docs()).toEqual(before);
  });

  it('a renewal step on a day that is not its day', async () => {
    const before = await docs();
    const poisoned = await poisonedBy(RENEWAL_QUEUE, {
      partnerId: 'hygiene',
      anniversary: '2025-06-15',
      step: 'preview',
      asOf: '2025-06-10',
    });
    expect(poisoned.reason).toBe('the preview step of the anniversary 2025-06-15 runs on 2025-05-16, not 2025-06-10');
    expect(await docs()).toEqual(before);
  });

  it('a message of the wrong shape', async () => {
    const poisoned = await poisonedBy(RENEWAL_QUEUE, 'hello');
    expect(poisoned).toMatchObject({ message: 'hello', reason: expect.stringMatching(/^not a renewal message/) });
  });
});

describe('the checks themselves (pure)', () => {
  it.each([
    [{ partnerId: 'p', reason: 'nightly', asOf: '2025-06-02' }, true],
    [{ partnerId: 'p', reason: 'nightly', asOf: '2025-06-03' }, false],
    [{ partnerId: 'p', reason: 'nightly', asOf: '2022-10-02' }, false],
    [{ partnerId: 'p', reason: 'data-changed' }, true],
    [{ partnerId: 'p' }, false],
  ])('recompute %j valid on 2025-06-01: %s', (message, ok) => {
    expect(checkMessage(QUEUE_MESSAGES.recompute, message, '2025-06-02').ok).toBe(ok);
  });

  it.each([
    [{ partnerId: 'p', anniversary: '2025-06-15', step: 'preview', asOf: '2025-05-16' }, true],
    [{ partnerId: 'p', anniversary: '2025-06-15', step: 'renew', asOf: '2025-06-15' }, true],
    [{ partnerId: 'p', anniversary: '2025-06-15', step: 'feeDue', asOf: '2025-07-15' }, true],
    [{ partnerId: 'p', anniversary: '2025-06-15', step: 'renew', asOf: '2025-06-16' }, false],
    [{ partnerId: 'p', anniversary: '2026-06-15', step: 'renew', asOf: '2026-06-15' }, false],
  ])('renewal %j valid up to 2025-07-20: %s', (message, ok) => {
    expect(checkMessage(QUEUE_MESSAGES.renewal, message, '2025-07-20', (m) => wrongStepDay(m, renewalTerms)).ok).toBe(ok);
  });
});
