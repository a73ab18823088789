import type { QueueClient } from '@azure/storage-queue';

/** A message as a polling host receives it: the raw text, and what it needs to delete or release it. */
export interface ReceivedMessage {
  id: string;
  popReceipt: string;
  text: string;
  dequeueCount: number;
  insertedOn: Date;
  expiresOn: Date;
}

/** A queue as a host that polls it uses it (the local host, in place of the Functions host), the SDK kept here. */
export interface PolledQueue {
  createIfNotExists(): Promise<void>;
  /** Up to `count` messages, each invisible to other receivers for `leaseSeconds`. */
  receive(count: number, leaseSeconds: number): Promise<ReceivedMessage[]>;
  delete(message: ReceivedMessage): Promise<void>;
  /** Visible again after `afterSeconds`, for another attempt. */
  release(message: ReceivedMessage, afterSeconds: number): Promise<void>;
  /** A message's text as it is, without encoding it again. */
  sendText(text: string): Promise<void>;
}

export function polledQueue(client: QueueClient): PolledQueue {
  return {
    createIfNotExists: async () => {
      await client.createIfNotExists();
    },
    receive: async (count, leaseSeconds) =>
      (await client.receiveMessages({ numberOfMessages: count, visibilityTimeout: leaseSeconds })).receivedMessageItems.map((m) => ({
        id: m.messageId,
        popReceipt: m.popReceipt,
        text: m.messageText,
        dequeueCount: m.dequeueCount,
        insertedOn: m.insertedOn,
        expiresOn: m.expiresOn,
      })),
    delete: async (message) => {
      await client.deleteMessage(message.id, message.popReceipt);
    },
    release: async (message, afterSeconds) => {
      await client.updateMessage(message.id, message.popReceipt, undefined, afterSeconds);
    },
    sendText: async (text) => {
      await client.sendMessage(text);
    },
  };
}
