import { adminOnly, every, type RowGroup } from "./row.ts";

/** The published term the rows read: the one the world's project belongs to. */
const TERM = "2026-demo-term-02";

/**
 * A term in numbers: its report and the report's CSV tables are its program's admins' alone; the
 * summary of a published term, counts with no personal data, is anyone's.
 */
export const TERM_REPORT_ROWS: RowGroup = {
  rows: [
    { route: "GET /api/terms/:term/report", request: () => ({ url: `/api/terms/${TERM}/report` }), expected: adminOnly() },
    { route: "GET /api/terms/:term/report.csv", request: () => ({ url: `/api/terms/${TERM}/report.csv?table=projects` }), expected: adminOnly() },
    { route: "GET /api/terms/:term/summary", request: () => ({ url: `/api/terms/${TERM}/summary` }), expected: every("ok") },
  ],
};
