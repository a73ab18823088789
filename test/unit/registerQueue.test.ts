import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerQueue, registrations, type QueueRegistration } from '../../functions/edge/registry.js';
import { IsoDate } from '../../shared/model/primitives.js';
import { invocationContext } from '../../local/invoke.js';

// Given through the local host's admin endpoint, a message that can never succeed is refused
// (thrown, the call's 400) instead of poisoned: the registry's opening runs with no queue at all.
const received: unknown[] = [];
registerQueue({
  name: 'testOpening',
  queueName: 'test-opening',
  connection: 'AzureWebJobsStorage',
  message: z.strictObject({ partnerId: z.string(), asOf: IsoDate.optional(), times: z.number().default(1) }).describe('a test message'),
  refuse: ({ partnerId }) => (partnerId === 'refused' ? `${partnerId} is refused by the function` : undefined),
  handler: async (message) => {
    received.push(message);
    if (message.partnerId === 'hopeless') return { neverSucceeds: 'the handler found it can never succeed' };
  },
});
const opening = registrations.find((r): r is QueueRegistration => r.name === 'testOpening')!;
const run = (message: unknown) =>
  opening.handler(
    message,
    invocationContext('testOpening', () => {}, { adminInput: message }),
  );

describe('registerQueue: the queue handlers’ shared opening', () => {
  it('the handler receives the message as its schema parses it (defaults applied)', async () => {
    await run({ partnerId: 'p1', asOf: '2025-06-15' });
    expect(received.at(-1)).toEqual({ partnerId: 'p1', asOf: '2025-06-15', times: 1 });
  });

  it('a message its schema refuses never reaches the handler, and the reason names the schema', async () => {
    const before = received.length;
    await expect(run({ partnerId: 7 })).rejects.toThrow(/^input: not a test message: partnerId: /);
    await expect(run('hello')).rejects.toThrow(/not a test message/);
    expect(received).toHaveLength(before);
  });

  it('a message as of a day that can never be scored (after tomorrow, or before 2022-10-03) never reaches the handler', async () => {
    const before = received.length;
    await expect(run({ partnerId: 'p1', asOf: '2098-01-01' })).rejects.toThrow(/asOf 2098-01-01 is in the future/);
    await expect(run({ partnerId: 'p1', asOf: '2022-10-02' })).rejects.toThrow(/before 2022-10-03/);
    expect(received).toHaveLength(before);
  });

  it("the function's own refusal is asked before the handler runs", async () => {
    const before = received.length;
    await expect(run({ partnerId: 'refused' })).rejects.toThrow(/refused is refused by the function/);
    expect(received).toHaveLength(before);
  });

  it('a handler that finds the message can never succeed has it refused with its reason', async () => {
    await expect(run({ partnerId: 'hopeless' })).rejects.toThrow(/the handler found it can never succeed/);
  });
});
