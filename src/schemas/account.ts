import { z } from "zod";
import { ROLES } from "../domain/roles.ts";
import { DisplayName, SingleLineText } from "./text.ts";

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

/** `POST /api/auth/signin`. */
export const SignInBody = z.object({ email: EmailField, password: z.string().min(1, "must not be empty").max(256) });

/** A single-use token from an email link. */
export const TokenBody = z.object({ token: SingleLineText.min(20, "is not a token from a Cohort link").max(200) });

/** `POST /api/auth/password-reset`. */
export const PasswordResetRequestBody = z.object({ email: EmailField });

/** `POST /api/auth/password-reset/confirm`. */
export const PasswordResetConfirmBody = z.object({ token: TokenBody.shape.token, password: PasswordField });

/** `POST /api/auth/signout-everywhere`: the body may be left out (sessions end, tokens stay). */
export const SignOutEverywhereBody = z
  .object({
    revokeTokens: z.boolean().optional().describe("Also revoke every personal API token (default false); only a browser session may ask for it."),
  })
  .nullish();

/** What signing out everywhere ended, in words and in numbers. */
export const SignedOutEverywhereResponse = z
  .object({
    message: z.string(),
    sessionsEnded: z.number().int(),
    tokensRevoked: z.number().int(),
    tokensKept: z.number().int().describe("API tokens that still work because they were not revoked."),
  })
  .meta({ id: "SignedOutEverywhere" });

/** An answer that says what happens next, the same whatever the database holds. */
export const AcceptedResponse = z.object({ message: z.string() }).meta({ id: "Accepted" });

/** A role the signed-in person holds. */
export const RoleSchema = z
  .object({
    role: z.enum(ROLES),
    program: z.object({ slug: z.string(), name: z.string() }),
    organization: z.object({ slug: z.string(), name: z.string() }).nullable(),
    project: z.object({ slug: z.string(), title: z.string() }).nullable(),
  })
  .meta({ id: "Role" });

/** The signed-in person, as `GET /api/me` answers. */
export const MeResponse = z
  .object({
    id: z.number().int(),
    name: z.string(),
    email: z.string().nullable(),
    emailVerified: z.boolean(),
    emailPublic: z.boolean().describe("Whether mentors' pages show this email to everyone."),
    githubHandle: z.string().nullable(),
    timeZone: z.string().nullable(),
    country: z.string().nullable(),
    skills: z.array(z.object({ tag: z.string(), label: z.string() })),
    roles: z.array(RoleSchema),
    authenticatedWith: z.enum(["session", "token"]),
    csrfToken: z.string().nullable().describe("Send it as x-csrf-token on every change made with the session cookie."),
  })
  .meta({ id: "Me" });

/** `PATCH /api/me`. */
export const ProfileBody = z
  .object({
    name: DisplayName.trim().min(1).max(100).optional(),
    githubHandle: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub user name: letters, digits and hyphens")
      .nullable()
      .optional(),
    timeZone: z
      .string()
      .trim()
      .refine((zone) => isTimeZone(zone), "must be an IANA time zone such as Europe/Berlin")
      .nullable()
      .optional(),
    country: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, "must be a two-letter country code such as DE")
      .nullable()
      .optional(),
    skills: z.array(DisplayName.trim().min(1).max(60)).max(50).optional(),
    emailPublic: z.boolean().optional(),
  })
  .strict();

/** `POST /api/me/tokens`. */
export const CreateTokenBody = z.object({
  name: DisplayName.trim().min(1, "must not be empty").max(100),
  scope: z.enum(["read", "write"]),
});

/** An API token as its owner sees it (never the secret, but once at creation). */
export const ApiTokenSchema = z
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

/** `POST /api/me/tokens` answers the secret once. */
export const CreatedTokenResponse = ApiTokenSchema.extend({ token: z.string().describe("Shown once: store it now.") }).meta({ id: "CreatedApiToken" });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
