import { z } from "zod";
import { EVALUATION_OUTCOMES } from "../domain/evaluations.ts";
import { INSTALLMENT_STATES, REMAINING_CHOICES } from "../domain/installments.ts";
import { EXTENSION_WEEKS } from "../domain/mentorship-dates.ts";
import { MENTORSHIP_STATES } from "../domain/offers.ts";
import { PHASE_KINDS } from "../domain/phases.ts";
import { EVALUATION_KINDS } from "../domain/stipends.ts";
import { Instant } from "./instant.ts";
import { WebAddress } from "./organization.ts";

const PersonName = z.object({ name: z.string(), githubHandle: z.string().nullable() });

/** One evaluation of a mentorship as its reader may see it: the mentee reads the outcome and the comments to them alone. */
const EvaluationView = z.object({
  kind: z.enum(EVALUATION_KINDS),
  opensAt: Instant.nullable(),
  dueAt: Instant.nullable().describe("When its window closes on this mentorship's timeline."),
  open: z.boolean().describe("True while its window is open."),
  overdue: z.boolean().describe("True when its window closed with a part missing."),
  missing: z.array(z.enum(["evaluation", "mentee_report"])),
  submitted: z
    .object({
      outcome: z.enum(EVALUATION_OUTCOMES),
      at: Instant,
      toMentee: z.string(),
      toAdmins: z.string().nullable().describe("For the program's admins and the project's mentors; null for the mentee."),
      answers: z
        .array(z.object({ question: z.string(), answer: z.string() }))
        .nullable()
        .describe("Null for the mentee."),
    })
    .nullable(),
});

/** One stipend installment in the ledger, with the instant of each move and what happens next. */
export const InstallmentView = z
  .object({
    id: z.number().int(),
    position: z.number().int(),
    releasedBy: z.enum(EVALUATION_KINDS),
    currency: z.string(),
    amount: z.number().int().describe("In the currency's minor unit."),
    fullAmount: z.number().int().describe("Before a pro rata cut; equal to amount otherwise."),
    amountText: z.string(),
    state: z.enum(INSTALLMENT_STATES),
    stateText: z.string(),
    history: z.array(z.object({ state: z.enum(INSTALLMENT_STATES), at: Instant })).describe("Each state it reached, oldest first."),
    nextStep: z.string(),
    paymentReference: z.string().nullable(),
    withheldReason: z.string().nullable(),
  })
  .meta({ id: "Installment" });
/** An installment as read. */
export type InstallmentView = z.infer<typeof InstallmentView>;

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
    ended: z.object({ at: Instant, reason: z.string() }).nullable(),
    completedAt: Instant.nullable(),
    assignments: z
      .object({ markdown: z.string(), html: z.string().describe("Rendered and sanitized."), updatedAt: Instant })
      .nullable()
      .describe("The initial work assignments its mentors wrote; null before."),
    evaluations: z.array(EvaluationView),
    questions: z
      .array(z.string())
      .nullable()
      .describe("The program's evaluation questions, for the mentors who answer them and the admins; null for the mentee."),
    report: z
      .object({
        feedback: z.string().nullable().describe("The mentee's program feedback: the mentee and the program's admins read it; null for mentors."),
        blogUrl: z.string(),
        submittedAt: Instant,
      })
      .nullable()
      .describe("The mentee's final report; null before."),
    listedAsAlumni: z.boolean().nullable().describe("Whether the mentee chose to be listed as an alumnus; null for others than the mentee and admins."),
    installments: z.array(InstallmentView).nullable().describe("The stipend ledger: the mentee and the program's admins read it; null for mentors."),
    viewer: z.object({
      role: z.enum(["mentee", "mentor", "admin"]),
      canEvaluate: z.boolean().describe("A mentor of the project, while it is active."),
      canReport: z.boolean().describe("The mentee, while it is active."),
    }),
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

/** `POST /api/mentorships/{mentorship}/evaluations`: a mentor's evaluation. */
export const EvaluationBody = z
  .object({
    kind: z.enum(EVALUATION_KINDS, "must be midterm or final"),
    outcome: z.enum(EVALUATION_OUTCOMES, "must be pass or fail"),
    toMentee: z.string().trim().max(5000, "must be at most 5,000 characters"),
    toAdmins: z.string().trim().max(5000, "must be at most 5,000 characters"),
    answers: z.array(z.string().trim().max(2000, "must be at most 2,000 characters")).max(20, "must be at most 20 answers"),
  })
  .strict()
  .meta({ id: "EvaluationBody" });

/** `PUT /api/mentorships/{mentorship}/report`: the mentee's final report. */
export const MenteeReportBody = z
  .object({
    feedback: z.string().trim().min(1, "must say how the program went for you").max(10_000, "must be at most 10,000 characters"),
    blogUrl: WebAddress,
  })
  .strict()
  .meta({ id: "MenteeReportBody" });

/** `PUT /api/mentorships/{mentorship}/alumni`: whether the mentee is listed as an alumnus. */
export const AlumniBody = z
  .object({ listed: z.boolean("must be true or false") })
  .strict()
  .meta({ id: "AlumniBody" });

/** `PUT /api/mentorships/{mentorship}/assignments`: the initial work assignments, in Markdown. */
export const AssignmentsBody = z
  .object({ markdown: z.string().trim().min(1, "must list at least one assignment").max(20_000, "must be at most 20,000 characters") })
  .strict()
  .meta({ id: "AssignmentsBody" });

/** `POST /api/mentorships/{mentorship}/end`: why, and what becomes of the pending installments. */
export const EndMentorshipBody = z
  .object({
    reason: z.string().trim().min(1, "must say why").max(1000, "must be at most 1,000 characters"),
    remaining: z.enum(REMAINING_CHOICES, "must be withheld or pro_rata"),
  })
  .strict()
  .meta({ id: "EndMentorshipBody" });

/** `GET /api/terms/{term}/alumni`: the term's completed mentees who chose to be listed. */
export const TermAlumniResponse = z
  .object({ items: z.array(z.object({ name: z.string(), project: z.string(), projectSlug: z.string(), organization: z.string() })) })
  .meta({ id: "TermAlumni" });
/** The term's alumni as read. */
export type TermAlumniResponse = z.infer<typeof TermAlumniResponse>;
