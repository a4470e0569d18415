/**
 * Shapes of the admin API's answers, as the pages read them (the server's schemas live with
 * its routes, which the web UI does not import).
 */

import { OUTBOX_STATES, type OutboxState } from "../../../../src/domain/outbox-states.ts";
import type { RoleKey } from "../../session/role-words.ts";

/** A person with roles in the program (GET /api/programs/{program}/people). */
export interface ProgramPerson {
  personId: number;
  name: string;
  githubHandle: string | null;
  email: string | null;
  roles: Array<{ role: RoleKey; organization: { slug: string; name: string } | null; project: { slug: string; title: string } | null }>;
}

/** An invitation as admins see it (GET /api/programs/{program}/invitations). */
export interface Invitation {
  id: number;
  email: string;
  role: RoleKey;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

/** One event of the audit log. */
export interface AuditEvent {
  id: number;
  actor: { personId: number | null; label: string };
  action: string;
  objectType: string;
  objectId: string;
  changes: Record<string, unknown>;
  occurredAt: string;
}

/** A page of the audit log. */
export interface AuditPage {
  items: AuditEvent[];
  total: number;
  page: number;
  limit: number;
}

/** The delivery states of an outbox message, as the server names them. */
export { OUTBOX_STATES, type OutboxState };

/** One email of the outbox with its delivery state. */
export interface OutboxMessage {
  id: number;
  recipientEmail: string | null;
  subject: string;
  bodyText: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}
