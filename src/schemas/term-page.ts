import { z } from "zod";
import { PHASE_KINDS } from "../domain/phases.ts";

/** A mentor as a term page names them; any part may be missing. */
export const TermPageMentor = z.strictObject({
  name: z.string().nullable(),
  handle: z.string().nullable(),
  email: z.string().nullable(),
});

/** One timeline row: the activity and date as written, its phase kind, and its instants (ISO 8601 UTC). */
export const TermPageTimelineRow = z.strictObject({
  activity: z.string(),
  kind: z.enum(PHASE_KINDS).nullable(),
  text: z.string(),
  start: z.iso.datetime().nullable(),
  end: z.iso.datetime().nullable(),
});

/** One project of a term page, with the 1-based line it starts on. */
export const TermPageProject = z.strictObject({
  title: z.string(),
  line: z.number().int().positive(),
  description: z.string().nullable(),
  expectedOutcome: z.string().nullable(),
  skills: z.array(z.string()),
  skillsText: z.string().nullable(),
  mentors: z.array(TermPageMentor),
  upstreamIssues: z.array(z.string()),
  url: z.string().nullable(),
});

/** One organization and its projects. */
export const TermPageOrganization = z.strictObject({
  name: z.string(),
  projects: z.array(TermPageProject),
});

/** One lint finding. */
export const TermPageFinding = z.strictObject({
  rule: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  line: z.number().int().positive(),
  message: z.string(),
});

/** What `cohort parse FILE --json` prints and the API returns for a parsed term page; strict, so nothing else slips in. */
export const TermPageJson = z.strictObject({
  title: z.string(),
  status: z.string().nullable(),
  timeline: z.array(TermPageTimelineRow),
  organizations: z.array(TermPageOrganization),
  toc: z.array(z.string()),
  findings: z.array(TermPageFinding),
});

/** The parsed term page as JSON. */
export type TermPageJson = z.infer<typeof TermPageJson>;
