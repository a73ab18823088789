import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { startLocalHost } from '../../local/host.js';
import { readHostJson } from '../../local/hostJson.js';
import { encodeMessage } from '../../shared/queue/queues.js';
import { queue } from '../integration/queues.js';
import { PARTNER_ID } from '../../shared/store/documents.js';
import { syntheticPartner } from './population.js';
import { adapters } from '../../functions/edge/composition.js';

// The nightly recompute end to end through Azurite and cosmosdb-server, against the emulators'
// own ceiling for the same work measured in the same run. Last line: JSON.
const { values } = parseArgs({
  options: { partners: { type: 'string', default: '2000' }, 'as-of': { type: 'string', default: '2025-06-15' } },
});
const partners = Number(values.partners);
const day = values['as-of'];
const shape = { customers: 40, months: 25, people: 30, lastMonth: '2025-05' };

function progress(label: string, done: number, total: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r${label.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done >= total) process.stderr.write('\n');
}

async function until(condition: () => boolean, onTick: () => void): Promise<void> {
  while (!condition()) {
    onTick();
    await new Promise((r) => setTimeout(r, 100));
  }
  onTick();
}

let recomputed = 0;
const host = await startLocalHost({
  port: 0,
  timers: false,
  log: (line) => {
    if (line.includes(`recomputed `) && line.includes(` as of ${day} `)) recomputed++;
    else if (line.includes('failed')) console.error(line);
  },
});
const cosmos = host.emulators.cosmos!;
const queues = host.emulators.queues!;

// Seeding is not measured.
const seed = pLimit(16);
let seeded = 0;
await Promise.all(
  Array.from({ length: partners }, (_, i) =>
    seed(async () => {
      const facts = syntheticPartner(i, shape);
      await adapters().partners.profiles.importPartner(
        { ...facts, partner: { ...facts.partner, partnerId: `bench-${String(i).padStart(6, '0')}` } },
        new Date().toISOString(),
      );
      progress('seeding', ++seeded, partners);
    }),
  ),
);

// 1. The product: the nightly timer (through the admin endpoint) fans out; the queue trigger recomputes.
const cosmosBefore = cosmos.requests();
const queueBefore = queues.requests();
const engineStart = performance.now();
const fanOut = await fetch(`${host.url}/admin/functions/nightlyRecompute`, {
  method: 'POST',
  headers: { 'x-functions-key': host.masterKey },
  body: JSON.stringify({ input: { asOf: day } }),
});
if (fanOut.status !== 202) throw new Error(`the nightly timer answered ${fanOut.status}`);
await until(
  () => recomputed >= partners,
  () => progress('recompute', recomputed, partners),
);
const engineMs = performance.now() - engineStart;
const cosmosRequests = cosmos.requests() - cosmosBefore;
const queueOps = queues.requests() - queueBefore;

// 2. The ceiling: the same shape of work with nothing but the bare operations per partner —
// one send, one receive (in host.json's batches), one delete, one Cosmos point read and one write.
const { batchSize } = readHostJson().extensions.queues;
const ceilingQueue = queue('bench-ceiling');
await ceilingQueue.createIfNotExists();
const container = adapters().container;
const ceilingStart = performance.now();
const send = pLimit(32);
const producing = Promise.all(
  Array.from({ length: partners }, (_, i) =>
    send(() => ceilingQueue.sendMessage(encodeMessage({ partnerId: `bench-${String(i).padStart(6, '0')}` }))),
  ),
);
let consumed = 0;
while (consumed < partners) {
  const { receivedMessageItems } = await ceilingQueue.receiveMessages({ numberOfMessages: batchSize, visibilityTimeout: 600 });
  if (receivedMessageItems.length === 0) {
    await new Promise((r) => setTimeout(r, 5));
    continue;
  }
  await Promise.all(
    receivedMessageItems.map(async (message) => {
      const { partnerId } = JSON.parse(Buffer.from(message.messageText, 'base64').toString()) as { partnerId: string };
      await container.item(PARTNER_ID, partnerId).read();
      await container.items.upsert({ id: 'ceiling', partnerId, type: 'ceiling', day });
      await ceilingQueue.deleteMessage(message.messageId, message.popReceipt);
    }),
  );
  consumed += receivedMessageItems.length;
  progress('ceiling', consumed, partners);
}
await producing;
const ceilingMs = performance.now() - ceilingStart;

await host.stop();
console.log(
  `end to end ${engineMs.toFixed(0)} ms, ceiling ${ceilingMs.toFixed(0)} ms; ${cosmosRequests} Cosmos requests, ${queueOps} queue operations`,
);
console.log(
  JSON.stringify({
    partners,
    partnersPerSecond: Math.round((partners / engineMs) * 1000),
    ceilingRatio: Number((ceilingMs / engineMs).toFixed(2)),
    cosmosRequestsPerPartner: Number((cosmosRequests / partners).toFixed(3)),
    queueOpsPerPartner: Number((queueOps / partners).toFixed(3)),
  }),
);
