// The two Azurite internals the local host starts in-process; Azurite publishes no types for them.
declare module 'azurite/dist/src/queue/QueueConfiguration.js' {
  export default class QueueConfiguration {
    constructor(...args: unknown[]);
  }
}
declare module 'azurite/dist/src/queue/QueueServer.js' {
  import type QueueConfiguration from 'azurite/dist/src/queue/QueueConfiguration.js';
  export default class QueueServer {
    constructor(configuration: QueueConfiguration);
    start(): Promise<void>;
    close(): Promise<void>;
    clean(): Promise<void>;
    getHttpServerAddress(): string;
    httpServer: import('node:http').Server;
  }
}
