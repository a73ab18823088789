import { ErrorBody } from '../../shared/model/api.js';

/** The refusals most functions share, for their OpenAPI contracts. */
export const INVALID_BODY = { description: 'invalid body; nothing was written', schema: ErrorBody };
export const NO_PARTNER = { description: 'no such partner', schema: ErrorBody };
export const STALE_IF_MATCH = { description: 'stale If-Match', schema: ErrorBody };
