// The local host as a process of its own, for the fault-injection suite: it reaches the emulators
// the test runs (COSMOS_ENDPOINT, AzureWebJobsStorage in the environment), so a `kill -9` of this
// process loses nothing but the host.
import { startLocalHost } from '../../local/host.js';

const host = await startLocalHost({
  port: 0,
  timers: false,
  demo: false,
  queueSettings: { visibilityTimeout: 0, maxPollingInterval: 200 },
  // What a killed host had taken comes back within seconds, not the usual 10 minutes.
  processingLeaseSeconds: 3,
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`LISTENING ${host.url}\n`);
