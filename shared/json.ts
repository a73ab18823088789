/**
 * JSON.parse for text from outside (a request body, a partner file). A key named `__proto__` is
 * never a field of ours, and objects built from it would silently lose it (zod drops it, a
 * spread skips it): refuse it instead, as a bad input.
 */
export class ForbiddenKeyError extends Error {
  override name = 'ForbiddenKeyError';
}

export function parseJson(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (key === '__proto__') throw new ForbiddenKeyError('a key named __proto__ is not allowed anywhere in the JSON');
    return value;
  });
}
