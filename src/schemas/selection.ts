import { z } from "zod";
import { APPLICATION_STATES } from "../domain/application-states.ts";
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
      .object({
        id: z.number().int(),
        state: z.enum(SELECTION_RUN_STATES),
        createdAt: Instant,
        publishedAt: Instant.nullable(),
        runBy: z.string().nullable(),
        noticesSentAt: Instant.nullable().describe("When the outcome notices went out; null until then."),
      })
      .nullable()
      .describe("The latest run; null before the first."),
    noticesAt: Instant.nullable().describe("When the outcome notices go out once published: the notifications instant of the timeline."),
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
        offers: z
          .array(
            z.object({
              applicationId: z.number().int(),
              applicant: Applicant,
              state: z.enum(APPLICATION_STATES),
              stateLabel: z.string(),
              fromWaitlist: z.boolean(),
              offeredAt: Instant,
              respondBy: Instant.nullable(),
              answeredAt: Instant.nullable().describe("When it was accepted, declined, lapsed or withdrawn."),
            }),
          )
          .describe("Every offer of the project since the notices, in the order made, with its answer."),
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

/** `POST /api/terms/{term}/selection/publish`: the run the admin reviewed, which must still be the latest proposal. */
export const PublishSelectionBody = z
  .object({ run: z.number({ error: "must be the id of the run you reviewed" }).int().positive() })
  .meta({ id: "PublishSelectionBody" });
/** A publication as sent. */
export type PublishSelectionBody = z.infer<typeof PublishSelectionBody>;

/** The most recipients the dry run lists by name; the counts are whole. */
export const NOTICE_RECIPIENTS_SHOWN = 1000;

/** `GET /api/terms/{term}/selection/notices`: the dry run of the outcome notices. */
export const NoticePreviewView = z
  .object({
    run: z.object({ id: z.number().int(), state: z.enum(SELECTION_RUN_STATES) }),
    at: Instant.describe("The instant the notices are written for: the notifications instant (or now, once it has passed)."),
    sentAt: Instant.nullable().describe("When they went out; null until then (after it, the applications show the outcome)."),
    respondBy: Instant.describe("The response deadline the offers will carry."),
    counts: z.object({
      recipients: z.number().int(),
      offers: z.number().int(),
      notSelected: z.number().int(),
      withoutEmail: z.number().int().describe("Applicants without an email address on file, who get no email."),
    }),
    recipients: z
      .array(z.object({ personId: z.number().int(), name: z.string(), kind: z.enum(["offer", "not_selected"]), projects: z.array(z.string()) }))
      .describe(`The first ${NOTICE_RECIPIENTS_SHOWN} recipients, by name.`),
  })
  .meta({ id: "NoticePreview" });
/** The dry run of the notices. */
export type NoticePreviewView = z.infer<typeof NoticePreviewView>;

/** `GET /api/terms/{term}/selection/notices/{person}`: one outcome email of the dry run, in full. */
export const NoticeMessageView = z
  .object({
    to: z.object({ name: z.string(), email: z.string().nullable() }),
    kind: z.enum(["offer", "not_selected"]),
    subject: z.string(),
    text: z.string().describe("The plain-text part, as sent."),
    html: z.string().describe("The HTML part, as sent (every value escaped)."),
  })
  .meta({ id: "NoticeMessage" });
/** One notice in full. */
export type NoticeMessageView = z.infer<typeof NoticeMessageView>;
