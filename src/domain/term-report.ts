/**
 * The words and arithmetic of a term's report: the steps of its funnel, from proposals to paid
 * stipends, each counted; which step each is measured against; and how the most and least
 * crowded projects are picked. Pure: the counts come from storage/repos/term-report-repo.ts.
 */

/** The funnel's steps in order, from the first proposal to the last stipend paid. */
export const FUNNEL_STEPS = [
  "proposals",
  "acceptedProjects",
  "applicants",
  "applications",
  "shortlisted",
  "offers",
  "accepted",
  "midtermPassed",
  "completed",
  "paid",
] as const;

/** One step of the funnel. */
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** A term's funnel: how many reached each step. */
export type Funnel = Record<FunnelStep, number>;

/** What each step counts, as a person reads it. */
export const FUNNEL_STEP_LABELS = {
  proposals: "Proposals submitted",
  acceptedProjects: "Projects accepted",
  applicants: "Applicants",
  applications: "Applications",
  shortlisted: "Shortlisted",
  offers: "Offers made",
  accepted: "Offers accepted",
  midtermPassed: "Midterm passed",
  completed: "Completed",
  paid: "Paid in full",
} as const satisfies Record<FunnelStep, string>;

/**
 * The step each step is a share of. Applicants and applications have none: an applicant may
 * send several applications, so neither is a part of the other or of the projects.
 */
export const FUNNEL_BASES = {
  acceptedProjects: "proposals",
  shortlisted: "applications",
  offers: "shortlisted",
  accepted: "offers",
  midtermPassed: "accepted",
  completed: "midtermPassed",
  paid: "completed",
} as const satisfies Partial<Record<FunnelStep, FunnelStep>>;

/** A share in percent with one decimal (`percentOf(1, 3)` is 33.3); null when the whole is 0, where no share exists. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** One step of the funnel as a report shows it: its count and its share of the step it is measured against. */
export interface FunnelRow {
  step: FunnelStep;
  label: string;
  count: number;
  base: FunnelStep | null;
  percentOfBase: number | null;
}

/** The funnel's steps in order, each with its share of its base step. */
export function funnelRows(funnel: Funnel): FunnelRow[] {
  const bases: Partial<Record<FunnelStep, FunnelStep>> = FUNNEL_BASES;
  return FUNNEL_STEPS.map((step) => {
    const base = bases[step] ?? null;
    return { step, label: FUNNEL_STEP_LABELS[step], count: funnel[step], base, percentOfBase: base === null ? null : percentOf(funnel[step], funnel[base]) };
  });
}

/** An empty funnel: a term before anything happened in it. */
export function emptyFunnel(): Funnel {
  return Object.fromEntries(FUNNEL_STEPS.map((step) => [step, 0])) as Funnel;
}

/**
 * The `count` most and least crowded of items sorted most crowded first. The least crowded come
 * least crowded first and never repeat one of the most crowded, so a short list is shown once.
 */
export function crowdedEnds<T>(sortedMostFirst: readonly T[], count: number): { most: T[]; least: T[] } {
  const most = sortedMostFirst.slice(0, count);
  const least = sortedMostFirst.slice(Math.max(count, sortedMostFirst.length - count)).reverse();
  return { most, least };
}

/**
 * Which stored profile skills count as which asked tag: each written form whose canonical tag
 * (given by `tagOf`) is one of `tags`, with that tag. Forms of no asked tag are left out.
 */
export function skillVariants(
  written: readonly string[],
  tags: readonly string[],
  tagOf: (text: string) => string | null,
): Array<{ text: string; tag: string }> {
  const asked = new Set(tags);
  return written.flatMap((text) => {
    const tag = tagOf(text);
    return tag !== null && asked.has(tag) ? [{ text, tag }] : [];
  });
}

/** The tables of a report a CSV file is made of. */
export const TERM_REPORT_TABLES = ["funnel", "projects", "skills"] as const;

/** One table of a report. */
export type TermReportTable = (typeof TERM_REPORT_TABLES)[number];

/** How many of the most and of the least crowded projects a report lists. */
export const CROWDED_PROJECTS_SHOWN = 5;

/** How many skills a report lists, those most asked for first. */
export const SKILLS_SHOWN = 15;
