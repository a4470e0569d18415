import { CROWDED_PROJECTS_SHOWN, crowdedEnds, type FunnelRow, funnelRows, SKILLS_SHOWN, type TermReportTable } from "../domain/term-report.ts";
import { termDisplayTitle } from "../domain/term-title.ts";
import type { TermInNumbers, TermReport } from "../schemas/term-report.ts";
import type { ProjectCrowdingRow, TermReportData, TermSummaryData } from "../storage/schema.ts";
import { csvFile } from "./csv-file.ts";

/** The term a report or summary is of. */
function presentReportTerm(data: Pick<TermSummaryData, "term" | "program" | "timeline">): TermReport["term"] {
  return { slug: data.term.slug, title: termDisplayTitle(data.term.title, data.timeline), timeZone: data.term.timeZone, programSlug: data.program.slug };
}

/** A project of the report by its applications. */
function presentProject(row: ProjectCrowdingRow) {
  return { slug: row.slug, title: row.title, organization: row.organizationName, applications: row.applications };
}

/** A term's report for its admins at `now`: the funnel, the five most and least crowded projects, the fifteen skills most asked for. */
export function presentTermReport(data: TermReportData, now: Date): TermReport {
  const { most, least } = crowdedEnds(data.projects, CROWDED_PROJECTS_SHOWN);
  return {
    term: presentReportTerm(data),
    generatedAt: now.toISOString(),
    funnel: funnelRows(data.funnel),
    projects: { total: data.projects.length, mostCrowded: most.map(presentProject), leastCrowded: least.map(presentProject) },
    skills: { total: data.skills.length, items: data.skills.slice(0, SKILLS_SHOWN) },
  };
}

/** A published term's public summary: the funnel's counts and shares alone. */
export function presentTermSummary(data: TermSummaryData): TermInNumbers {
  return { term: presentReportTerm(data), aggregate: true, funnel: funnelRows(data.funnel) };
}

/** A share as a spreadsheet cell: the number, or empty where there is none. */
function shareCell(row: FunnelRow): string {
  return row.percentOfBase === null ? "" : String(row.percentOfBase);
}

/** One table of a term's report as a CSV file, every row of it (formula cells neutralized by csv-file.ts). */
export function presentTermReportCsv(data: TermReportData, table: TermReportTable): { fileName: string; csv: string } {
  const fileName = `${data.term.slug}-report-${table}.csv`;
  if (table === "funnel") {
    const rows = funnelRows(data.funnel);
    return {
      fileName,
      csv: csvFile(
        ["step", "label", "count", "base_step", "percent_of_base"],
        rows.map((row) => [row.step, row.label, row.count, row.base ?? "", shareCell(row)]),
      ),
    };
  }
  if (table === "projects") {
    return {
      fileName,
      csv: csvFile(
        ["project", "project_slug", "organization", "applications"],
        data.projects.map((row) => [row.title, row.slug, row.organizationName, row.applications]),
      ),
    };
  }
  return {
    fileName,
    csv: csvFile(
      ["skill", "tag", "projects_asking", "applicants_listing"],
      data.skills.map((row) => [row.label, row.tag, row.projects, row.applicants]),
    ),
  };
}
