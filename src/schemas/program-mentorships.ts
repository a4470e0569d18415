import { z } from "zod";
import { INSTALLMENT_STATES } from "../domain/installments.ts";
import { MENTORSHIP_STATES } from "../domain/offers.ts";
import { EVALUATION_KINDS } from "../domain/stipends.ts";
import { Instant } from "./instant.ts";
import { InstallmentView } from "./mentorship.ts";

/** `GET /api/programs/{program}/mentorships`: every mentorship of the program, with what is overdue. */
export const ProgramMentorshipsResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        state: z.enum(MENTORSHIP_STATES),
        term: z.object({ slug: z.string(), title: z.string() }),
        project: z.string(),
        mentee: z.string(),
        extensionWeeks: z.number().int(),
        evaluations: z.array(
          z.object({
            kind: z.enum(EVALUATION_KINDS),
            dueAt: Instant.nullable(),
            outcome: z.enum(["pass", "fail"]).nullable(),
            missing: z.array(z.enum(["evaluation", "mentee_report"])),
            overdue: z.boolean().describe("Its window closed with a part missing."),
          }),
        ),
      }),
    ),
    overdue: z.number().int().describe("How many evaluations are overdue across the program's active mentorships."),
  })
  .meta({ id: "ProgramMentorships" });
/** The program's mentorships as read. */
export type ProgramMentorshipsResponse = z.infer<typeof ProgramMentorshipsResponse>;

/** `?state=` of the installments list. */
export const InstallmentsQuery = z.object({ state: z.enum(INSTALLMENT_STATES, "must be an installment state such as due").optional() }).strict();

/** `GET /api/programs/{program}/installments`: the program's installments, each with its mentee and mentorship. */
export const ProgramInstallmentsResponse = z
  .object({
    items: z.array(
      InstallmentView.extend({
        mentorshipId: z.number().int(),
        mentee: z.string(),
        country: z.string().nullable(),
        term: z.object({ slug: z.string(), title: z.string() }),
        project: z.string(),
      }),
    ),
    counts: z.record(z.enum(INSTALLMENT_STATES), z.number().int()).describe("How many installments are in each state (of every state, whatever the filter)."),
  })
  .meta({ id: "ProgramInstallments" });
/** The program's installments as read. */
export type ProgramInstallmentsResponse = z.infer<typeof ProgramInstallmentsResponse>;

const InstallmentId = z.number("must be an installment number").int("must be a whole number").min(1, "must be 1 or more").max(2_147_483_647);

/** `POST /api/programs/{program}/installments/approve`: the due installments to approve. */
export const ApproveInstallmentsBody = z
  .object({ ids: z.array(InstallmentId).min(1, "must name at least one installment").max(1000, "must name at most 1,000 installments") })
  .strict()
  .meta({ id: "ApproveInstallmentsBody" });

/** `POST /api/programs/{program}/installments/payments`: payment references of exported installments. */
export const PaymentsBody = z
  .object({
    payments: z
      .array(
        z
          .object({
            installment: InstallmentId,
            reference: z.string().trim().min(1, "must give the payment's reference").max(200, "must be at most 200 characters"),
          })
          .strict(),
      )
      .min(1, "must hold at least one payment")
      .max(1000, "must hold at most 1,000 payments"),
  })
  .strict()
  .meta({ id: "PaymentsBody" });

/** `POST /api/programs/{program}/installments/payments/import`: finance's CSV of references. */
export const PaymentImportBody = z
  .object({
    csv: z
      .string()
      .max(500_000, "must be at most 500,000 characters")
      .describe("One line per payment: the installment number (the export's first column) and the payment reference; a header line is allowed."),
  })
  .strict()
  .meta({ id: "PaymentImportBody" });

/** How many installments a request moved. */
export const MovedCount = z.object({ moved: z.number().int() }).meta({ id: "MovedCount" });

/** The finance export: CSV text. */
export const FinanceCsv = z.string().describe("text/csv");

/** `GET|PUT /api/programs/{program}/evaluation-questions`: the questions every evaluation answers, in order. */
export const EvaluationQuestions = z
  .object({
    questions: z.array(z.string().trim().min(1, "must not be empty").max(500, "must be at most 500 characters")).max(20, "must be at most 20 questions"),
  })
  .strict()
  .meta({ id: "EvaluationQuestions" });
