import { z } from "zod";
import { TERM_REPORT_TABLES } from "../../../domain/term-report.ts";
import { TermParams } from "../terms/schema.ts";

export { TermParams };

/** Which table of a term's report to download as CSV. */
export const TermReportCsvQuery = z.object({
  table: z
    .enum(TERM_REPORT_TABLES)
    .describe("`funnel`: each step's count; `projects`: every accepted project by applications; `skills`: every skill asked for."),
});
