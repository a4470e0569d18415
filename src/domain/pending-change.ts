/**
 * An accepted project's edit that waits for an admin, as stored in `projects.pending_change`: the
 * new value of each field it changes (description, expected outcome, skills, mentors); a field
 * left out is unchanged.
 */
export interface PendingChange {
  description?: string;
  expectedOutcome?: string;
  skills?: string[];
  mentors?: string[];
}

/** Reads a stored pending change; null when there is none or it holds nothing readable. */
export function parsePendingChange(json: string | null): PendingChange | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  if (typeof value !== "object" || value === null) return null;
  const stored = value as Record<string, unknown>;
  const change: PendingChange = {};
  if (typeof stored.description === "string") change.description = stored.description;
  if (typeof stored.expectedOutcome === "string") change.expectedOutcome = stored.expectedOutcome;
  if (isStringList(stored.skills)) change.skills = stored.skills;
  if (isStringList(stored.mentors)) change.mentors = stored.mentors;
  return Object.keys(change).length > 0 ? change : null;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}
