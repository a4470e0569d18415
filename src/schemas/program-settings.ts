import { z } from "zod";
import { DisplayName } from "./text.ts";
import { TimeZoneName } from "./time-zone.ts";

/** The bounds of each setting, shared by the body below and the web form's hints. */
export const PROGRAM_SETTING_LIMITS = {
  applicationLimit: { min: 1, max: 20 },
  projectQuota: { min: 1, max: 1000 },
  slotBudget: { min: 0, max: 100000 },
  offerResponseHours: { min: 1, max: 720 },
} as const;

const { applicationLimit, projectQuota, slotBudget, offerResponseHours } = PROGRAM_SETTING_LIMITS;

function whole(min: number, max: number) {
  return z.number().int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
}

/** A program's settings as its admins see and change them. */
export const ProgramSettings = z
  .object({
    slug: z.string(),
    name: z.string(),
    timeZone: z.string().describe("The zone a new term starts with."),
    applicationLimit: z.number().int().describe("How many applications an applicant may submit per term."),
    projectQuota: z.number().int().nullable().describe("How many proposals an organization may submit per term; null for no limit."),
    slotBudget: z.number().int().nullable().describe("The funded mentorships a new term starts with; null for none."),
    offerResponseHours: z.number().int().describe("How long an applicant has to answer an offer."),
    updatedAt: z.string(),
  })
  .meta({ id: "ProgramSettings" });
/** A program's settings. */
export type ProgramSettings = z.infer<typeof ProgramSettings>;

/** `PATCH /api/programs/{program}/settings`: the settings to change, each optional; null clears a limit. */
export const ProgramSettingsBody = z
  .object({
    name: DisplayName.trim().min(1, "must not be empty").max(120, "must be at most 120 characters").optional(),
    timeZone: TimeZoneName.optional(),
    applicationLimit: whole(applicationLimit.min, applicationLimit.max).optional(),
    projectQuota: whole(projectQuota.min, projectQuota.max).nullable().optional(),
    slotBudget: whole(slotBudget.min, slotBudget.max).nullable().optional(),
    offerResponseHours: whole(offerResponseHours.min, offerResponseHours.max).optional(),
  })
  // Strict, so a misspelt setting is refused instead of silently doing nothing.
  .strict()
  .meta({ id: "ProgramSettingsBody" });
/** Changes to a program's settings. */
export type ProgramSettingsBody = z.infer<typeof ProgramSettingsBody>;
