import { z } from "zod";
import { ROLES } from "../domain/roles.ts";
import { WebAddress } from "./organization.ts";
import { DisplayName, SingleLineText } from "./text.ts";
import { TimeZoneName } from "./time-zone.ts";

/** An email address as people type it. */
export const EmailField = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .pipe(z.email({ message: "must be an email address such as ada@example.org" }));

/** A new password: long enough to resist guessing, short enough to hash quickly. */
export const PasswordField = z.string().min(10, "must be at least 10 characters").max(256, "must be at most 256 characters");

/** `POST /api/auth/signup`. */
export const SignUpBody = z.object({
  name: DisplayName.trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  email: EmailField,
  password: PasswordField,
});
/** What signing up sends. */
export type SignUpBody = z.infer<typeof SignUpBody>;

/** `POST /api/auth/signin`. */
export const SignInBody = z.object({ email: EmailField, password: z.string().min(1, "must not be empty").max(256) });
/** What signing in sends. */
export type SignInBody = z.infer<typeof SignInBody>;

/** A single-use token from an email link. */
export const TokenBody = z.object({ token: SingleLineText.min(20, "is not a token from a Cohort link").max(200) });
/** A token from an email link, as sent back. */
export type TokenBody = z.infer<typeof TokenBody>;

/** `POST /api/auth/password-reset`. */
export const PasswordResetRequestBody = z.object({ email: EmailField });
/** What asking for a reset link sends. */
export type PasswordResetRequestBody = z.infer<typeof PasswordResetRequestBody>;

/** `POST /api/auth/verify/resend`. */
export const ResendConfirmationBody = z.object({ email: EmailField });
/** What asking for a new confirmation link sends. */
export type ResendConfirmationBody = z.infer<typeof ResendConfirmationBody>;

/** `POST /api/auth/password-reset/confirm`. */
export const PasswordResetConfirmBody = z.object({ token: TokenBody.shape.token, password: PasswordField });
/** What choosing a new password sends. */
export type PasswordResetConfirmBody = z.infer<typeof PasswordResetConfirmBody>;

/** `POST /api/auth/signout-everywhere`: the body may be left out (sessions end, tokens stay). */
export const SignOutEverywhereBody = z
  .object({
    revokeTokens: z.boolean().optional().describe("Also revoke every personal API token (default false); only a browser session may ask for it."),
  })
  .nullish();
/** What signing out everywhere sends. */
export type SignOutEverywhereBody = z.infer<typeof SignOutEverywhereBody>;

/** What signing out everywhere ended, in words and in numbers. */
export const SignedOutEverywhereResponse = z
  .object({
    message: z.string(),
    sessionsEnded: z.number().int(),
    tokensRevoked: z.number().int(),
    tokensKept: z.number().int().describe("API tokens that still work because they were not revoked."),
  })
  .meta({ id: "SignedOutEverywhere" });
/** What signing out everywhere ended. */
export type SignedOutEverywhereResponse = z.infer<typeof SignedOutEverywhereResponse>;

/** An answer that says what happens next, the same whatever the database holds. */
export const AcceptedResponse = z.object({ message: z.string() }).meta({ id: "Accepted" });
/** What happens next. */
export type AcceptedResponse = z.infer<typeof AcceptedResponse>;

/** The answer to signing in: what happened, and the CSRF token for the new session. */
export const SignedInResponse = z
  .object({
    message: z.string(),
    csrfToken: z.string().describe("Send it as x-csrf-token on every change made with the session cookie."),
  })
  .meta({ id: "SignedIn" });
/** What signing in answers. */
export type SignedInResponse = z.infer<typeof SignedInResponse>;

/** A role the signed-in person holds, with where it applies. */
export const RoleGrant = z
  .object({
    role: z.enum(ROLES),
    program: z.object({ slug: z.string(), name: z.string() }),
    organization: z.object({ slug: z.string(), name: z.string() }).nullable(),
    project: z.object({ slug: z.string(), title: z.string() }).nullable(),
  })
  .meta({ id: "Role" });
/** A role held, with where it applies. */
export type RoleGrant = z.infer<typeof RoleGrant>;

/** The signed-in person, as `GET /api/me` answers. */
export const MeResponse = z
  .object({
    id: z.number().int(),
    name: z.string(),
    email: z.string().nullable(),
    emailVerified: z.boolean(),
    githubHandle: z.string().nullable(),
    timeZone: z.string().nullable(),
    country: z.string().nullable(),
    skills: z.array(z.object({ tag: z.string(), label: z.string() })),
    pronouns: z.string().nullable().describe("Shown wherever the name is."),
    portfolioUrl: z.string().nullable().describe("Seen by the mentors of projects you apply to and the program's admins."),
    cvUrl: z.string().nullable().describe("Seen by the mentors of projects you apply to and the program's admins."),
    roles: z.array(RoleGrant),
    authenticatedWith: z.enum(["session", "token"]),
    csrfToken: z.string().nullable().describe("Send it as x-csrf-token on every change made with the session cookie."),
  })
  .meta({ id: "Me" });
/** The signed-in person. */
export type MeResponse = z.infer<typeof MeResponse>;

/** A GitHub user name as a person types it, without the @. */
export const GithubHandle = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub user name: letters, digits and hyphens");

/** The most characters pronouns may have ("she/her", "they/them", "any pronouns"). */
export const PRONOUNS_MAX_LENGTH = 40;

/** `PATCH /api/me`. */
export const ProfileBody = z
  .object({
    name: DisplayName.trim().min(1).max(100).optional(),
    githubHandle: GithubHandle.nullable().optional(),
    timeZone: TimeZoneName.nullable().optional(),
    country: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, "must be a two-letter country code such as DE")
      .nullable()
      .optional(),
    skills: z.array(DisplayName.trim().min(1).max(60)).max(50).optional(),
    pronouns: DisplayName.trim().max(PRONOUNS_MAX_LENGTH, `must be at most ${PRONOUNS_MAX_LENGTH} characters`).nullable().optional(),
    portfolioUrl: WebAddress.nullable().optional(),
    cvUrl: WebAddress.nullable().optional(),
  })
  // Strict, so a client still sending the retired `emailPublic` switch is told so instead of being ignored.
  .strict();
/** The profile changes a person sends. */
export type ProfileBody = z.infer<typeof ProfileBody>;

/** `POST /api/me/tokens`. */
export const CreateTokenBody = z.object({
  name: DisplayName.trim().min(1, "must not be empty").max(100),
  scope: z.enum(["read", "write"]),
});
/** What creating a token sends. */
export type CreateTokenBody = z.infer<typeof CreateTokenBody>;

/** An API token as its owner sees it (never the secret, but once at creation). */
export const ApiToken = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    scope: z.enum(["read", "write"]),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });
/** An API token without its secret. */
export type ApiToken = z.infer<typeof ApiToken>;

/** `GET /api/me/tokens`: the signed-in person's tokens, never their secrets. */
export const ApiTokenListResponse = z.object({ items: z.array(ApiToken) }).meta({ id: "ApiTokenList" });
/** The signed-in person's tokens. */
export type ApiTokenListResponse = z.infer<typeof ApiTokenListResponse>;

/** `POST /api/me/tokens` answers the secret once. */
export const CreatedTokenResponse = ApiToken.extend({ token: z.string().describe("Shown once: store it now.") }).meta({ id: "CreatedApiToken" });
/** A new API token with its secret. */
export type CreatedTokenResponse = z.infer<typeof CreatedTokenResponse>;
