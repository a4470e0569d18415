import { z } from "zod";
import { Slug } from "./slug.ts";
import { DisplayName, SingleLineText } from "./text.ts";

/** How long an organization's slug may be: the same bound as a title's slug. */
export const ORGANIZATION_SLUG_MAX_LENGTH = 80;
/** How long an organization's description may be. */
export const ORGANIZATION_DESCRIPTION_MAX_LENGTH = 280;
/** The bounds of an organization's own project quota: 0 lets it propose nothing. */
export const ORGANIZATION_QUOTA_LIMITS = { min: 0, max: 1000 } as const;

/** A link to a web page: an absolute http or https address with a host name and no password in it. */
export const WebAddress = SingleLineText.pipe(
  z
    .string()
    .trim()
    .max(500, "must be at most 500 characters")
    .pipe(
      z
        .url({
          protocol: /^https?$/,
          hostname: z.regexes.domain,
          message: "must be a web address starting with https:// or http://, such as https://example.org",
        })
        .refine((address) => URL.canParse(address) && new URL(address).username === "", {
          message: "must not hold a user name or password",
          params: { code: "credentials_in_url" },
        }),
    ),
);

/** An organization of a program with the details admins keep and the quota that applies to it. */
export const Organization = z
  .object({
    slug: z.string(),
    name: z.string(),
    website: z.string().nullable(),
    repositoryUrl: z.string().nullable(),
    description: z.string().nullable().describe("Plain text, one or two sentences."),
    projectQuota: z.number().int().nullable().describe("The organization's own quota; null to follow the program's."),
    effectiveProjectQuota: z.number().int().nullable().describe("The quota that applies: its own, else the program's; null for no limit."),
  })
  .meta({ id: "Organization" });
/** An organization with its details. */
export type Organization = z.infer<typeof Organization>;

const fields = {
  name: DisplayName.trim().min(1, "must not be empty").max(120, "must be at most 120 characters"),
  slug: Slug.max(ORGANIZATION_SLUG_MAX_LENGTH, `must be at most ${ORGANIZATION_SLUG_MAX_LENGTH} characters`),
  website: WebAddress.nullable().optional(),
  repositoryUrl: WebAddress.nullable().optional(),
  description: DisplayName.trim()
    .max(ORGANIZATION_DESCRIPTION_MAX_LENGTH, `must be at most ${ORGANIZATION_DESCRIPTION_MAX_LENGTH} characters`)
    .nullable()
    .optional(),
  projectQuota: z
    .number()
    .int("must be a whole number")
    .min(ORGANIZATION_QUOTA_LIMITS.min, `must be at least ${ORGANIZATION_QUOTA_LIMITS.min}`)
    .max(ORGANIZATION_QUOTA_LIMITS.max, `must be at most ${ORGANIZATION_QUOTA_LIMITS.max}`)
    .nullable()
    .optional()
    .describe("Overrides the program's quota; null to follow it."),
};

/** `POST /api/programs/{program}/organizations`: a new organization; its slug is made from its name when left out. */
export const OrganizationBody = z
  .object({ ...fields, slug: fields.slug.optional().describe("Made from the name when left out.") })
  .strict()
  .meta({ id: "OrganizationBody" });
/** A new organization. */
export type OrganizationBody = z.infer<typeof OrganizationBody>;

/** `PATCH /api/programs/{program}/organizations/{organization}`: the details to change, each optional; null clears one. */
export const OrganizationUpdateBody = z
  .object({ ...fields, name: fields.name.optional(), slug: fields.slug.optional() })
  .strict()
  .meta({ id: "OrganizationUpdateBody" });
/** Changes to an organization. */
export type OrganizationUpdateBody = z.infer<typeof OrganizationUpdateBody>;
