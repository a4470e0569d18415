import { z } from "zod";
import { ROLES } from "../domain/roles.ts";
import { Slug } from "./slug.ts";

/** `POST /api/programs/{program}/invitations`. */
export const InvitationBody = z
  .object({
    email: z
      .string()
      .trim()
      .pipe(z.email({ message: "must be an email address such as ada@example.org" })),
    role: z.enum(ROLES),
    organization: Slug.optional().describe("The organization's slug, for a maintainer."),
    project: Slug.optional().describe("The project's slug, for a mentor."),
  })
  .strict();
/** What inviting someone sends. */
export type InvitationBody = z.infer<typeof InvitationBody>;

/** An invitation as admins see it (never its token). */
export const Invitation = z
  .object({
    id: z.number().int(),
    email: z.string(),
    role: z.enum(ROLES),
    createdAt: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
  })
  .meta({ id: "Invitation" });
/** An invitation as admins see it. */
export type Invitation = z.infer<typeof Invitation>;

/** `GET /api/programs/{program}/invitations`. */
export const InvitationListResponse = z.object({ items: z.array(Invitation) }).meta({ id: "InvitationList" });
/** A program's invitations. */
export type InvitationListResponse = z.infer<typeof InvitationListResponse>;

/** What an invitation offers, as the invited person reads it from their link. */
export const InvitationSummary = z
  .object({ role: z.enum(ROLES), where: z.string(), email: z.string(), expiresAt: z.string() })
  .meta({ id: "InvitationSummary" });
/** What an invitation offers. */
export type InvitationSummary = z.infer<typeof InvitationSummary>;
