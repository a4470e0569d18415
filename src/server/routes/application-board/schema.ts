import { z } from "zod";
import { APPLICATION_STATES } from "../../../domain/application-states.ts";
import { ApplicantEligibility } from "../../../schemas/application-board.ts";
import { Slug } from "../../../schemas/slug.ts";
import { SingleLineText } from "../../../schemas/text.ts";
import { ApplicationParams } from "../applications/schema.ts";
import { ProjectParams } from "../projects/schema.ts";
import { TermParams } from "../terms/schema.ts";

export { ApplicationParams, ProjectParams, TermParams };

/** The filters of a term's applications, shared by the admins' list and its CSV export: every filter lives in the URL. */
export const TermApplicationsExportQuery = z.object({
  state: z
    .enum([...APPLICATION_STATES, "all"])
    .optional()
    .describe("Only applications in this state; `all` for every state. By default every state but draft."),
  organization: Slug.optional().describe("Only applications to this organization's projects."),
  project: Slug.optional().describe("Only applications to this project."),
  q: SingleLineText.trim()
    .max(200, "must be at most 200 characters")
    .optional()
    .describe("Words that must all appear in the applicant's name, GitHub handle or email address."),
  eligibility: ApplicantEligibility.optional().describe(
    "Only applicants who are eligible, disqualified, or have not answered the term's eligibility questions.",
  ),
});

/** The admins' list of a term's applications: the filters and the page. */
export const TermApplicationsQuery = TermApplicationsExportQuery.extend({
  page: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").max(10_000).default(1),
  limit: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").max(200, "must be at most 200").default(50),
});
