import { parseArgs } from 'node:util';
import { isRole } from '../shared/auth/roles.js';
import { DEMO_TENANT, DEV_HOME_TENANT, devToken } from './devIssuer.js';

// `npm run --silent token -- --role Partner.Reader --tenant <tid>`: prints only a token that a
// host started by `npm start` from this checkout accepts (signed by its development issuer).
const USAGE =
  'usage: npm run --silent token -- --role Program.Operator|Partner.Admin|Partner.Reader [--tenant <tid>] [--name <name>] [--oid <id>] [--expired] [--audience <aud>]';

try {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      tenant: { type: 'string' },
      name: { type: 'string' },
      oid: { type: 'string' },
      expired: { type: 'boolean', default: false },
      audience: { type: 'string' },
    },
  });
  const roles = values.role ?? [];
  const unknown = roles.filter((r) => !isRole(r));
  if (roles.length === 0 || unknown.length > 0)
    throw new Error(unknown.length > 0 ? `unknown role ${unknown.join(', ')}` : 'give a --role');
  // Operators belong to the program's tenant; partner users, by default, to the demo partner's.
  const tenant = values.tenant ?? (roles.includes('Program.Operator') ? DEV_HOME_TENANT : DEMO_TENANT);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(tenant))
    throw new Error(`--tenant ${tenant}: an Entra tenant id is a GUID`);
  const token = await devToken({
    roles,
    tenant,
    expired: values.expired,
    ...(values.audience !== undefined ? { audience: values.audience } : {}),
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.oid !== undefined ? { oid: values.oid } : {}),
  });
  process.stdout.write(`${token}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
