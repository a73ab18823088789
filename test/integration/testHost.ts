import { startLocalHost, type LocalHost, type LocalHostOptions } from '../../local/host.js';

export const TEST_KEY = 'integration-test-key';

export interface TestHost extends LocalHost {
  logs: string[];
  /** fetch against the host, with the function key unless `key: null`. */
  api(path: string, init?: RequestInit & { key?: string | null; json?: unknown }): Promise<Response>;
}

/** The local host on a free port with its own in-process emulators: real HTTP, real SDKs. */
export async function startTestHost(options: LocalHostOptions = {}): Promise<TestHost> {
  const logs: string[] = [];
  const host = await startLocalHost({ port: 0, timers: false, ...options, settings: { FUNCTIONS_KEY: TEST_KEY, ...options.settings }, log: (line) => logs.push(line) });
  return {
    ...host,
    logs,
    api(path, init = {}) {
      const { key = TEST_KEY, json, headers, ...rest } = init;
      return fetch(`${host.url}${path}`, {
        ...rest,
        headers: { ...(key === null ? {} : { 'x-functions-key': key }), ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...(headers as Record<string, string>) },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    },
  };
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
