import type { TermReportTable } from "../../../../src/domain/term-report.ts";

/** The API paths of a term's report, built in one place. */
export const reportApi = {
  report: (term: string) => `/api/terms/${encodeURIComponent(term)}/report`,
  csv: (term: string, table: TermReportTable) => `/api/terms/${encodeURIComponent(term)}/report.csv?table=${table}`,
};

/** The page of a term's report. */
export const reportPage = (program: string, term: string) => `/admin/${encodeURIComponent(program)}/terms/${encodeURIComponent(term)}/report`;
