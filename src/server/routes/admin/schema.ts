import { z } from "zod";
import { AUDIT_ACTIONS } from "../../../domain/audit-actions.ts";
import { OUTBOX_STATES } from "../../../domain/outbox-states.ts";
import { SingleLineText } from "../../../schemas/text.ts";
import { ProgramParams } from "../programs/schema.ts";

export { ProgramParams };

/** The audit log's filters. */
export const AuditQuery = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  objectType: SingleLineText.max(100).optional(),
  actor: z.coerce.number().int().positive().optional().describe("The acting person's id."),
  from: z.iso.datetime({ message: "must be an ISO 8601 instant such as 2026-05-01T00:00:00Z" }).optional(),
  to: z.iso.datetime({ message: "must be an ISO 8601 instant such as 2026-06-01T00:00:00Z" }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The outbox listing's filters. */
export const OutboxQuery = z.object({
  state: z.enum(OUTBOX_STATES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
