import { spawn, type ChildProcess } from 'node:child_process';
import { startCosmosEmulator, startQueueEmulator } from '../../local/emulators.js';
import { resetSettings } from '../../shared/settings.js';
import { ensureContainers } from '../../shared/store/cosmos.js';

import { adapters, resetAdapters } from '../../functions/edge/composition.js';

export const FAULT_KEY = 'fault-function-key';
export const FAULT_MASTER_KEY = 'fault-master-key';

export interface Emulators {
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Cosmos DB and Azurite in this (the test's) process: they outlive every host killed over them. */
export async function startEmulators(): Promise<Emulators> {
  const cosmos = await startCosmosEmulator();
  const queues = await startQueueEmulator();
  const env = {
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: 'fault-suite-any-key',
    AzureWebJobsStorage: queues.connectionString,
    FUNCTIONS_KEY: FAULT_KEY,
    FUNCTIONS_MASTER_KEY: FAULT_MASTER_KEY,
  };
  Object.assign(process.env, env);
  resetSettings();
  resetAdapters();
  await ensureContainers();
  await adapters().queues.ensure();
  return {
    env,
    async stop() {
      await cosmos.stop();
      await queues.stop();
    },
  };
}

export interface ChildHost {
  url: string;
  pid: number;
  output(): string;
  /** fetch against this host with the function key (the master key on /admin/*), bounded in time. */
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  /** `kill -9`, and wait until the process is gone. */
  kill(): Promise<void>;
}

/** The local host in a child process over the given emulators; resolves once it listens. */
export async function startChildHost(env: Record<string, string>, timeoutMs = 60_000): Promise<ChildHost> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'test/fault/hostMain.ts'], {
    cwd: new URL('../../', import.meta.url),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /LISTENING (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}) before listening:\n${out}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid: child.pid!,
    output: () => out,
    api(path, init = {}) {
      const { json, headers, ...rest } = init;
      return fetch(`${url}${path}`, {
        ...rest,
        signal: AbortSignal.timeout(60_000),
        headers: {
          'x-functions-key': path.startsWith('/admin/') ? FAULT_MASTER_KEY : FAULT_KEY,
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
          ...(headers as Record<string, string>),
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
