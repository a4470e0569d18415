/** What a partial update really changes: the new values to write, and each one's before and after for the audit log. */
export interface ChangedFields<T> {
  /** Only the fields whose value differs from the stored one. */
  values: Partial<T>;
  /** `{ field: { before, after } }` for the same fields, as an audit event's `changes`. */
  audit: Record<string, { before: unknown; after: unknown }>;
}

/**
 * Compares the fields a request sends (left-out fields are undefined and stay as they are) with
 * the stored row, so a command writes, audits and moves caches on only for what changed.
 */
export function changedFields<T extends object, K extends keyof T & string>(stored: T, requested: Partial<Pick<T, K>>): ChangedFields<Pick<T, K>> {
  const values: Partial<Pick<T, K>> = {};
  const audit: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(requested) as K[]) {
    const after = requested[key];
    if (after === undefined || after === stored[key]) continue;
    values[key] = after;
    audit[key] = { before: stored[key], after };
  }
  return { values, audit };
}
