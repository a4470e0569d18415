import { PHASE_KINDS, PHASE_LABELS, type PhaseKind } from "../../../../src/domain/phases.ts";
import { slugify } from "../../../../src/domain/slug.ts";
import type { Fold, TermSetup, TermSetupBody, TermUpdateBody, TimelineRowBody } from "../../../../src/schemas/term-setup.ts";
import { resolveLocalTime } from "../../time/local-time.ts";
import { isTimeZone } from "../../time/time-zones.ts";

/** A date field of a timeline row. */
export type RowEnd = "starts" | "ends";

/** One timeline row as the form holds it: strings as typed, and which pass of a twice-passed time was chosen. */
export interface RowDraft {
  /** Stable while the admin adds and removes rows, so fields keep their ids. */
  key: string;
  kind: PhaseKind | null;
  activity: string;
  startsLocal: string;
  endsLocal: string;
  startsFold: Fold | null;
  endsFold: Fold | null;
}

/** A term's settings and timeline as the form holds them. */
export interface TermDraft {
  title: string;
  slug: string;
  /** Once the admin types a slug, the title no longer suggests one. */
  slugEdited: boolean;
  timeZone: string;
  lengthWeeks: string;
  slotBudget: string;
  timeline: RowDraft[];
}

/** The form's words per field, keyed by the field names the inputs use (`title`, `timeline-proposals-startsLocal`). */
export type DraftErrors = Record<string, string>;

/** The name of a row's field in the form, and the id stem of its input. */
export function rowField(row: Pick<RowDraft, "key">, field: "activity" | "startsLocal" | "endsLocal" | "startsFold" | "endsFold" | "row"): string {
  return field === "row" ? `timeline-${row.key}` : `timeline-${row.key}-${field}`;
}

function kindRow(kind: PhaseKind): RowDraft {
  return { key: kind, kind, activity: PHASE_LABELS[kind], startsLocal: "", endsLocal: "", startsFold: null, endsFold: null };
}

let extraCount = 0;

/** A new free-worded row, empty. */
export function extraRow(): RowDraft {
  extraCount += 1;
  return { key: `extra-${extraCount}`, kind: null, activity: "", startsLocal: "", endsLocal: "", startsFold: null, endsFold: null };
}

/** A new term's form: one empty row per phase kind, in SPEC order, in the given zone. */
export function emptyTermDraft(timeZone: string): TermDraft {
  return { title: "", slug: "", slugEdited: false, timeZone, lengthWeeks: "", slotBudget: "", timeline: PHASE_KINDS.map(kindRow) };
}

/** Which pass a stored instant is of a time the zone passes twice, so the form shows the choice made. */
function foldOf(local: string | null, timeZone: string, instant: string | null): Fold | null {
  if (!local || !instant) return null;
  const read = resolveLocalTime(local, timeZone);
  if (read.state !== "ambiguous") return null;
  return read.later.getTime() === Date.parse(instant) ? "later" : "earlier";
}

/** The form of an existing term: its settings, a row per phase kind (empty where it has none) and its extra rows. */
export function draftOfSetup(setup: TermSetup): TermDraft {
  const rowOf = (row: TermSetup["timeline"][number], key: string): RowDraft => ({
    key,
    kind: row.kind,
    activity: row.activity,
    startsLocal: row.startsLocal ?? "",
    endsLocal: row.endsLocal ?? "",
    startsFold: foldOf(row.startsLocal, setup.timeZone, row.startsAt),
    endsFold: foldOf(row.endsLocal, setup.timeZone, row.endsAt),
  });
  const kinds = PHASE_KINDS.map((kind) => {
    const found = setup.timeline.find((row) => row.kind === kind);
    return found ? rowOf(found, kind) : kindRow(kind);
  });
  const seen = new Set<PhaseKind>();
  const extras = setup.timeline.flatMap((row) => {
    // A second row of a kind (an imported page can have one) stays, as a row of its own.
    if (row.kind && !seen.has(row.kind)) {
      seen.add(row.kind);
      return [];
    }
    return [{ ...rowOf(row, extraRow().key), kind: row.kind }];
  });
  return {
    title: setup.title,
    slug: setup.slug,
    slugEdited: true,
    timeZone: setup.timeZone,
    lengthWeeks: setup.lengthWeeks === null ? "" : String(setup.lengthWeeks),
    slotBudget: setup.slotBudget === null ? "" : String(setup.slotBudget),
    timeline: [...kinds, ...extras],
  };
}

/** The draft after the title changes: the slug follows the title until the admin types one of their own. */
export function withTitle(draft: TermDraft, title: string): TermDraft {
  return { ...draft, title, slug: draft.slugEdited ? draft.slug : slugify(title) };
}

/** A row's dates, read in the term's zone: what each names, for the live display and the checks. */
export function readRow(row: RowDraft, timeZone: string) {
  return { starts: resolveLocalTime(row.startsLocal, timeZone), ends: resolveLocalTime(row.endsLocal, timeZone) };
}

function isSent(row: RowDraft): boolean {
  // An undated phase kind is left out; a free-worded row is the admin's, dated or not.
  return row.kind === null || row.startsLocal !== "" || row.endsLocal !== "";
}

/** The timeline as the API takes it, and which form row each sent row is, to put the server's words back beside it. */
export function timelineBody(draft: TermDraft): { rows: TimelineRowBody[]; keys: string[] } {
  const sent = draft.timeline.filter(isSent);
  const rows = sent.map((row): TimelineRowBody => {
    const { starts, ends } = readRow(row, draft.timeZone);
    return {
      kind: row.kind,
      activity: row.activity,
      startsLocal: row.startsLocal || null,
      endsLocal: row.endsLocal || null,
      ...(starts.state === "ambiguous" && row.startsFold ? { startsFold: row.startsFold } : {}),
      ...(ends.state === "ambiguous" && row.endsFold ? { endsFold: row.endsFold } : {}),
    };
  });
  return { rows, keys: sent.map((row) => row.key) };
}

function wholeNumber(value: string): number | null {
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

/** A new term's body, and the form row of each timeline row sent. */
export function termSetupBody(draft: TermDraft): { body: TermSetupBody; keys: string[] } {
  const { rows, keys } = timelineBody(draft);
  const slotBudget = wholeNumber(draft.slotBudget);
  const body = {
    title: draft.title.trim(),
    ...(draft.slug.trim() ? { slug: draft.slug.trim() } : {}),
    timeZone: draft.timeZone,
    lengthWeeks: wholeNumber(draft.lengthWeeks),
    ...(slotBudget === null ? {} : { slotBudget }),
    timeline: rows,
  } satisfies TermSetupBody;
  return { body, keys };
}

/**
 * The changes to an existing term: its settings, the slug only while it can change, and the
 * timeline only when it differs from the one loaded, so saving a title alone does not count as
 * a timeline change (which is audited and emails the people it affects).
 */
export function termUpdateBody(draft: TermDraft, loaded: TermDraft, slugEditable: boolean): { body: TermUpdateBody; keys: string[] } {
  const { rows, keys } = timelineBody(draft);
  const timelineChanged = JSON.stringify(rows) !== JSON.stringify(timelineBody(loaded).rows) || draft.timeZone !== loaded.timeZone;
  const body = {
    title: draft.title.trim(),
    ...(slugEditable && draft.slug.trim() !== loaded.slug ? { slug: draft.slug.trim() } : {}),
    timeZone: draft.timeZone,
    lengthWeeks: wholeNumber(draft.lengthWeeks),
    slotBudget: wholeNumber(draft.slotBudget),
    ...(timelineChanged ? { timeline: rows } : {}),
  } satisfies TermUpdateBody;
  return { body, keys };
}

const ROW_FIELDS = new Set(["activity", "startsLocal", "endsLocal", "startsFold", "endsFold"]);

/**
 * The form field a problem's `field` names: "timeline.2.startsLocal" is the start of the third
 * row sent; a row named without a field is the row itself; settings keep their names.
 */
export function formFieldOf(field: string, keys: readonly string[]): string {
  const match = /^timeline\.(\d+)(?:\.(\w+))?$/.exec(field);
  if (!match) return field;
  const key = keys[Number(match[1])];
  if (key === undefined) return "timeline";
  const sub = match[2];
  return sub && ROW_FIELDS.has(sub) ? `timeline-${key}-${sub}` : `timeline-${key}`;
}

/** The words for a date the zone cannot read, said as soon as it is typed: a skipped time, a malformed value. */
export function dateProblem(row: RowDraft, end: RowEnd, timeZone: string): string | null {
  const local = end === "starts" ? row.startsLocal : row.endsLocal;
  const read = resolveLocalTime(local, timeZone);
  if (read.state === "gap") return read.message;
  if (read.state === "invalid" && isTimeZone(timeZone)) return "Enter a date and a time, such as 4 Feb 2026, 17:00.";
  return null;
}

/** The words for a time the zone passes twice when the admin has not said which pass they mean. */
function foldProblem(row: RowDraft, end: RowEnd, timeZone: string): string | null {
  const local = end === "starts" ? row.startsLocal : row.endsLocal;
  const read = resolveLocalTime(local, timeZone);
  if (read.state !== "ambiguous" || (end === "starts" ? row.startsFold : row.endsFold)) return null;
  return read.message;
}

/** What the form refuses before sending: empty or malformed settings and dates the zone cannot read. */
export function draftErrors(draft: TermDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.title.trim()) errors.title = "Enter the term's title, such as Term 01 - 2026 March - May.";
  if (!isTimeZone(draft.timeZone)) errors.timeZone = "Choose a time zone from the list, such as America/Los_Angeles.";
  const weeks = wholeNumber(draft.lengthWeeks);
  if (draft.lengthWeeks.trim() && (weeks === null || weeks < 1 || weeks > 52)) errors.lengthWeeks = "Enter a whole number of weeks from 1 to 52.";
  if (draft.slotBudget.trim() && wholeNumber(draft.slotBudget) === null) errors.slotBudget = "Enter a whole number of mentorships, or leave it empty.";
  for (const row of draft.timeline) {
    if (row.kind === null && !row.activity.trim()) errors[rowField(row, "activity")] = "Name what happens in this row, or remove it.";
    for (const end of ["starts", "ends"] as const) {
      const problem = dateProblem(row, end, draft.timeZone);
      if (problem) errors[rowField(row, end === "starts" ? "startsLocal" : "endsLocal")] = problem;
      const fold = foldProblem(row, end, draft.timeZone);
      if (fold) errors[rowField(row, end === "starts" ? "startsFold" : "endsFold")] = fold;
    }
  }
  return errors;
}
