import { describe, expect, it } from 'vitest';
import { answerTo, inRequest, REFUSAL_ANSWERS, type EdgeRefusal, type RefusalAnswers } from '../../functions/edge/refusals.js';
import { errorResponse } from '../../functions/edge/respond.js';
import { contention, invalidField, notFound, refuse, refused, stale, tooLarge } from '../../shared/refusal.js';
import { storageRefusal } from '../../shared/store/transient.js';

/** One refusal of every kind, with the status and body the API has always answered it with. */
const EVERY_KIND: {
  [K in EdgeRefusal['kind']]: { refusal: Extract<EdgeRefusal, { kind: K }>; status: number; error: string; message: string };
} = {
  invalid: { refusal: invalidField('body.name', 'required'), status: 400, error: 'invalid_request', message: 'body.name: required' },
  forbidden: { refusal: { kind: 'forbidden', message: 'no access' }, status: 403, error: 'forbidden', message: 'no access' },
  notFound: { refusal: notFound('partner p'), status: 404, error: 'not_found', message: 'partner p not found' },
  refused: { refusal: refused('legacyCutoff', 'the offer is gone'), status: 409, error: 'conflict', message: 'the offer is gone' },
  stale: {
    refusal: stale('customer c'),
    status: 412,
    error: 'precondition_failed',
    message: 'customer c has changed since the ETag given in If-Match; read it again and retry',
  },
  tooLarge: {
    refusal: tooLarge('partner p would exceed the storage limit of one document'),
    status: 413,
    error: 'too_large',
    message: 'partner p would exceed the storage limit of one document',
  },
  bodyTooLarge: {
    refusal: { kind: 'bodyTooLarge', limitBytes: 1024 },
    status: 413,
    error: 'payload_too_large',
    message: 'request bodies are limited to 1024 bytes',
  },
  unsupportedMediaType: {
    refusal: { kind: 'unsupportedMediaType', given: 'text/plain' },
    status: 415,
    error: 'unsupported_media_type',
    message: 'send the body as JSON with Content-Type: application/json (not text/plain)',
  },
  contention: {
    refusal: contention('partner p is being changed by many writers at once', 2),
    status: 503,
    error: 'unavailable',
    message: 'partner p is being changed by many writers at once',
  },
};

describe('refusals at the edge: one table', () => {
  it.each(Object.entries(EVERY_KIND))(
    '%s is answered with its status and the body the API gives',
    (_, { refusal, status, error, message }) => {
      const answer = answerTo(refusal);
      expect(answer.status).toBe(status);
      expect(answer.body).toMatchObject({ error, message });
    },
  );

  it('every kind of the table is pinned here, and nothing else is in it', () => {
    expect(Object.keys(REFUSAL_ANSWERS).sort()).toEqual(Object.keys(EVERY_KIND).sort());
  });

  it('a table without an answer for some kind does not type-check', () => {
    const { contention: _, ...withoutContention } = REFUSAL_ANSWERS;
    // @ts-expect-error contention has no answer: `npm run typecheck` fails if this ever type-checks
    const incomplete: RefusalAnswers = withoutContention;
    expect(Object.keys(incomplete)).not.toContain('contention');
  });

  it('invalid carries its field issues; contention says when to retry', () => {
    expect(answerTo(invalidField('rows[2].customerId', 'customer c3 does not exist; PUT it first')).body.issues).toEqual([
      { path: 'rows[2].customerId', message: 'customer c3 does not exist; PUT it first' },
    ]);
    expect(answerTo(contention('busy', 2)).headers).toEqual({ 'Retry-After': '2' });
    expect(answerTo(notFound('partner p')).headers).toEqual({});
  });

  it('the edge names where in the request a field was; other kinds pass unchanged', () => {
    expect(inRequest('query', invalidField('continuation', 'altered'))).toEqual(invalidField('query.continuation', 'altered'));
    expect(inRequest('body', invalidField('', 'empty'))).toEqual(invalidField('body', 'empty'));
    // zod names the whole value `(root)`: the same place, never `body.(root)`.
    expect(inRequest('body', invalidField('(root)', 'expected object'))).toEqual(invalidField('body', 'expected object'));
    const gone = refused('legacyCutoff', 'gone');
    expect(inRequest('path', gone)).toBe(gone);
  });

  it('a thrown refusal becomes its answer, with the JSON content type', () => {
    const response = errorResponse(refuse(stale('partner p')), { error: () => undefined, invocationId: 'test' });
    expect(response).toMatchObject({
      status: 412,
      jsonBody: { error: 'precondition_failed' },
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  });
});

describe('storage failures that escape, as refusals', () => {
  it('a hiccup or a lost race is contention, an item over the limit is too large, anything else is no refusal', () => {
    expect(storageRefusal({ code: 429 })).toEqual(contention('storage is busy; retry shortly', 1));
    expect(storageRefusal({ code: 412 })).toEqual(contention('the data changed while this request ran; retry shortly', 1));
    expect(storageRefusal({ code: 409 })?.kind).toBe('contention');
    expect(storageRefusal({ code: 413 })?.kind).toBe('tooLarge');
    expect(storageRefusal({ code: 400 })).toBeUndefined();
    expect(storageRefusal(new Error('bug'))).toBeUndefined();
  });
});
