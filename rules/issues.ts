import type { z } from 'zod';

export interface FieldIssue {
  /** `customers[3].months.2024-13` */
  path: string;
  message: string;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Flattens zod issues into `{path, message}`; an invalid record key reports why the key is invalid. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const inner = issue.code === 'invalid_key' ? issue.issues[0] : undefined;
    const unionInner = issue.code === 'invalid_union' ? issue.errors[0]?.[0] : undefined;
    const detail = inner ?? unionInner;
    const path = formatPath([...issue.path, ...(unionInner?.path ?? [])]);
    return { path: path === '' ? '(root)' : path, message: detail?.message ?? issue.message };
  });
}

export function describeIssues(error: z.ZodError): string {
  return fieldIssues(error)
    .map((i) => `${i.path}: ${i.message}`)
    .join('\n');
}
