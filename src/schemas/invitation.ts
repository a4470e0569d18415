import { z } from "zod";
import { INVITATION_STATES } from "../domain/invitation-states.ts";
import { DELIVERY_STATES } from "../domain/outbox-states.ts";
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

/** Where an invitation's role applies: the program, one of its organizations, or one of its projects. */
export const InvitationScope = z
  .object({
    program: z.object({ slug: z.string(), name: z.string() }),
    organization: z.object({ slug: z.string(), name: z.string() }).nullable(),
    project: z.object({ slug: z.string(), title: z.string(), term: z.object({ slug: z.string(), title: z.string() }) }).nullable(),
    words: z.string().describe("The scope in words: the program's name, an organization's, or a project's title with its organization's."),
  })
  .meta({ id: "InvitationScope" });
/** Where an invitation's role applies. */
export type InvitationScope = z.infer<typeof InvitationScope>;

/** How the invitation's email fared in the outbox. */
export const EmailDelivery = z
  .object({
    state: z.enum(DELIVERY_STATES),
    words: z.string().describe('"queued, not sent" until the outbox has sent it, "sent", or "failed: <reason>".'),
    sentAt: z.string().nullable(),
  })
  .meta({ id: "EmailDelivery" });
/** How an email fared in the outbox. */
export type EmailDelivery = z.infer<typeof EmailDelivery>;

/** An invitation as admins see it (never its token). */
export const Invitation = z
  .object({
    id: z.number().int(),
    email: z.string(),
    role: z.enum(ROLES),
    scope: InvitationScope,
    invitedBy: z.object({ personId: z.number().int(), name: z.string() }).nullable(),
    state: z.enum(INVITATION_STATES),
    createdAt: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
    delivery: EmailDelivery.nullable().describe("Null when the outbox holds no email for it any more."),
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
