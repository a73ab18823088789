import { ensurePortalBuilt } from '../../local/portal.js';

export default async function setup(): Promise<void> {
  await ensurePortalBuilt(() => undefined);
}
