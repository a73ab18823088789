import { startLocalHost, type LocalHost, type LocalHostOptions } from '../../local/host.js';
import { RECOMPUTE_QUEUE, RENEWAL_QUEUE } from '../../shared/queue/queues.js';
import { queue } from './queues.js';

export const TEST_KEY = 'integration-test-key';
export const TEST_MASTER_KEY = 'integration-test-master-key';

export interface TestHost extends LocalHost {
  logs: string[];
  /** fetch against the host, with the function key (the master key on /admin/*) unless `key` says otherwise (`null`: none). */
  api(path: string, init?: RequestInit & { key?: string | null; json?: unknown }): Promise<Response>;
  /** Runs a timer through the admin endpoint as of a day (it has finished when this returns; what it queued may not have). */
  runDailyJob(name: string, asOf: string): Promise<void>;
  /** Sets the day the API takes as today, through the admin endpoint. */
  setToday(day: string | null): Promise<void>;
  /** Resolves once the recompute and renewal queues are empty: every message taken and finished (a message being handled still counts). */
  drained(): Promise<void>;
}

/** The local host on a free port with its own in-process emulators: real HTTP, real SDKs. */
export async function startTestHost(options: LocalHostOptions = {}): Promise<TestHost> {
  const logs: string[] = [];
  const host = await startLocalHost({
    port: 0,
    timers: false,
    ...options,
    settings: { FUNCTIONS_KEY: TEST_KEY, FUNCTIONS_MASTER_KEY: TEST_MASTER_KEY, ...options.settings },
    log: (line) => logs.push(line),
  });
  const testHost: TestHost = {
    ...host,
    logs,
    async runDailyJob(name, asOf) {
      const response = await testHost.api(`/admin/functions/${name}`, { method: 'POST', json: { input: { asOf } } });
      if (response.status !== 202) throw new Error(`${name} as of ${asOf}: ${response.status} ${await response.text()}`);
    },
    async setToday(day) {
      const response = await testHost.api('/admin/clock', { method: 'PUT', json: { today: day } });
      if (response.status !== 200) throw new Error(`clock: ${response.status} ${await response.text()}`);
    },
    async drained() {
      const pending = async () => {
        const counts = await Promise.all(
          [RECOMPUTE_QUEUE, RENEWAL_QUEUE].map(async (q) => (await queue(q).getProperties()).approximateMessagesCount ?? 0),
        );
        return counts.reduce((a, b) => a + b, 0);
      };
      await until(async () => (await pending()) === 0, 60_000);
    },
    api(path, init = {}) {
      const { key = path.startsWith('/admin/') ? TEST_MASTER_KEY : TEST_KEY, json, headers, ...rest } = init;
      return fetch(`${host.url}${path}`, {
        ...rest,
        headers: {
          ...(key === null ? {} : { 'x-functions-key': key }),
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
          ...(headers as Record<string, string>),
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    },
  };
  return testHost;
}

/** A response's JSON, typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function bodyOf(response: Response): Promise<any> {
  return response.json();
}

export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
