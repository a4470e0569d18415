import { z } from "zod";
import { EXTENSION_WEEKS } from "../domain/mentorship-dates.ts";
import { MENTORSHIP_STATES } from "../domain/offers.ts";
import { PHASE_KINDS } from "../domain/phases.ts";
import { Instant } from "./instant.ts";

const PersonName = z.object({ name: z.string(), githubHandle: z.string().nullable() });

/** `GET /api/mentorships/{mentorship}`: a mentorship as its mentee, its mentors and the program's admins read it. */
export const MentorshipView = z
  .object({
    id: z.number().int(),
    state: z.enum(MENTORSHIP_STATES),
    project: z.object({ slug: z.string(), title: z.string(), organization: z.string() }),
    term: z.object({ slug: z.string(), title: z.string(), timeZone: z.string() }),
    mentee: PersonName,
    mentors: z.array(PersonName),
    extension: z
      .object({
        weeks: z.number().int(),
        from: Instant.describe("Every date after this instant moved by the weeks."),
        reason: z.string().nullable().describe("Why, for the program's admins; null for others."),
      })
      .nullable(),
    dates: z
      .array(
        z.object({
          kind: z.enum(PHASE_KINDS),
          label: z.string(),
          startsAt: Instant.nullable(),
          endsAt: Instant.nullable(),
          moved: z.boolean().describe("True when the extension moved it from the term's date."),
        }),
      )
      .describe("The term's dates from the start of the mentorship on, as they apply to this one."),
    canManage: z.boolean().describe("True for the program's admins, who extend or end it."),
  })
  .meta({ id: "Mentorship" });
/** A mentorship as read. */
export type MentorshipView = z.infer<typeof MentorshipView>;

/** `GET /api/me/mentorships`: the mentorships the caller is part of. */
export const MyMentorshipsResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        state: z.enum(MENTORSHIP_STATES),
        role: z.enum(["mentee", "mentor"]),
        project: z.string(),
        term: z.object({ slug: z.string(), title: z.string() }),
        mentee: z.string(),
      }),
    ),
  })
  .meta({ id: "MyMentorships" });
/** The caller's mentorships. */
export type MyMentorshipsResponse = z.infer<typeof MyMentorshipsResponse>;

/** `PUT /api/mentorships/{mentorship}/extension`: its length and why. */
export const ExtensionBody = z
  .object({
    weeks: z
      .number("must be a number of weeks")
      .int("must be a whole number of weeks")
      .min(EXTENSION_WEEKS.min, `must be at least ${EXTENSION_WEEKS.min} week`)
      .max(EXTENSION_WEEKS.max, `must be at most ${EXTENSION_WEEKS.max} weeks`),
    reason: z.string().trim().min(1, "must say why").max(1000, "must be at most 1,000 characters"),
  })
  .strict()
  .meta({ id: "ExtensionBody" });
/** An extension as sent. */
export type ExtensionBody = z.infer<typeof ExtensionBody>;
