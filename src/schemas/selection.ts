import { z } from "zod";
import { SELECTION_OVERRIDE_KINDS, SELECTION_RUN_STATES } from "../domain/review-marks.ts";
import { Instant } from "./instant.ts";

// The admins' selection of a term (WORKFLOW.md, "Review and selection"): the solver's proposal
// per project, the conflicts it resolved, the slots left empty and why, the applicants left
// without a mentorship, and the pins and exclusions of the next run.

/** The most applicants left without a mentorship the page lists; the CSV has every mentorship, the counts are whole. */
export const LEFT_WITHOUT_SHOWN = 500;

const Applicant = z.object({ name: z.string(), githubHandle: z.string().nullable() });
const ProjectName = z.object({ slug: z.string(), title: z.string() });

/** Why a project that ranked an applicant did not get them, in words. */
const Lost = z.object({
  applicationId: z.number().int().describe("The application to that project, to pin it instead."),
  project: ProjectName,
  projectRank: z.number().int(),
  because: z.enum(["applicant-preferred-another", "slots-went-to-higher-ranked", "excluded", "pinned-elsewhere"]),
  words: z.string(),
});

/** `GET /api/terms/{term}/selection`: the term's current proposal (or published selection), or none yet. */
export const SelectionView = z
  .object({
    term: z.object({ slug: z.string(), title: z.string(), timeZone: z.string() }),
    run: z
      .object({ id: z.number().int(), state: z.enum(SELECTION_RUN_STATES), createdAt: Instant, publishedAt: Instant.nullable(), runBy: z.string().nullable() })
      .nullable()
      .describe("The latest run; null before the first."),
    totals: z.object({
      slots: z.number().int(),
      mentorships: z.number().int(),
      emptySlots: z.number().int(),
      conflicts: z.number().int(),
      leftWithout: z.number().int(),
    }),
    projects: z.array(
      z.object({
        project: ProjectName.extend({ organization: z.string() }),
        slots: z.number().int(),
        assigned: z.array(
          z.object({
            applicationId: z.number().int(),
            applicant: Applicant,
            projectRank: z.number().int().nullable().describe("Its place in the project's ranking; null for a pin the project did not rank."),
            applicantChoice: z.number().int().describe("Its place in the applicant's own order."),
            pinned: z.boolean(),
          }),
        ),
        empty: z.number().int(),
        emptyReason: z.string().nullable().describe("Why slots are left, in words; null when every slot is filled."),
      }),
    ),
    conflicts: z.array(z.object({ applicant: Applicant, project: ProjectName.nullable(), others: z.array(Lost) })),
    leftWithout: z.object({
      total: z.number().int(),
      items: z.array(z.object({ applicant: Applicant, rankedBy: z.array(ProjectName) })).describe(`The first ${LEFT_WITHOUT_SHOWN}, by name.`),
    }),
    overrides: z.array(z.object({ applicationId: z.number().int(), kind: z.enum(SELECTION_OVERRIDE_KINDS), applicant: z.string(), project: ProjectName })),
  })
  .meta({ id: "SelectionView" });
/** A term's selection as its admins see it. */
export type SelectionView = z.infer<typeof SelectionView>;

/** `PUT /api/terms/{term}/selection/overrides/{application}`: pin it into the next run, exclude it, or neither (null). */
export const SelectionOverrideBody = z
  .object({ kind: z.enum(SELECTION_OVERRIDE_KINDS, "must be pin, exclude or null").nullable() })
  .meta({ id: "SelectionOverrideBody" });
/** An override as sent. */
export type SelectionOverrideBody = z.infer<typeof SelectionOverrideBody>;

/** The selection as CSV. */
export const SelectionCsv = z.string().describe("text/csv");
