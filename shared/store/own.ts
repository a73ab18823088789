/**
 * A caller's id looked up in a stored map without ever reaching Object.prototype: `constructor`,
 * `toString` or `__proto__` are ids like any other, never inherited members.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The record with one entry set, as an own data property even for `__proto__` (assignment would set the prototype). */
export function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const copy = { ...record };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}
