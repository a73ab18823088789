import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { todayUtc } from '../clock.js';
import { scoreFileText } from './scoreFile.js';

const USAGE = 'usage: npm run score -- <partner.json> [--as-of YYYY-MM-DD]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { 'as-of': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\nScores a partner file (partner, customers with months, people) and prints the score document.\n`);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 2;
  }
  const outcome = scoreFileText(text, parsed.values['as-of'] ?? todayUtc());
  if (!outcome.ok) {
    process.stderr.write(
      `${outcome.message
        .split('\n')
        .map((line) => `${file}: ${line}`)
        .join('\n')}\n`,
    );
    return 2;
  }
  process.stdout.write(`${JSON.stringify(outcome.document, null, 2)}\n`);
  return 0;
}

process.exitCode = await main();
