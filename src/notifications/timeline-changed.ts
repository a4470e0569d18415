import { DateTime } from "luxon";
import { deadlineHeadline } from "../domain/deadline-words.ts";
import { zoneAbbreviation } from "../domain/format-instant.ts";
import { PHASE_LABELS, type PhaseKind } from "../domain/phases.ts";
import { rowWindow, type TimelineRowChange } from "../domain/timeline-changes.ts";
import { buildEmailMessage, type EmailContent } from "./email-layout.ts";

/** What a timeline-change email needs: who reads it, in which zone, and the changes that concern them. */
export interface TimelineChangedInput {
  baseUrl: string;
  name: string;
  termTitle: string;
  termSlug: string;
  /** The reader's own zone (their profile's, else the term's): every time is written in it. */
  timeZone: string;
  /** Changes to phases of SPEC.md (rows with a kind). */
  changes: ReadonlyArray<TimelineRowChange & { kind: PhaseKind }>;
}

/**
 * The email telling someone with something at stake that a term's dates moved, one sentence
 * per change in their own zone: "Project proposals now close Tue 4 Feb 17:00 PST (was 28 Jan)."
 */
export function timelineChangedMessage(input: TimelineChangedInput): EmailContent {
  const sentences = input.changes.flatMap((change) => changeSentences(change, input.timeZone));
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: `${input.termTitle}: ${sentences.length === 1 ? sentences[0]?.replace(/\.$/, "") : "the timeline changed"}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [`The admins of ${input.termTitle} changed its timeline:`, sentences.join("\n")],
    action: { label: "See the term's timeline", path: `/terms/${encodeURIComponent(input.termSlug)}` },
    reason: `You receive this email because ${reasonsOf(input.changes).join(", and ")}.`,
  });
}

/** Why the reader is told, from the phases that moved: what they have at stake in each. */
function reasonsOf(changes: TimelineChangedInput["changes"]): string[] {
  const kinds = new Set(changes.map((change) => change.kind));
  const reasons = [
    ...(kinds.has("proposals") ? ["your organization has a proposal in this term"] : []),
    ...(kinds.has("applications") ? ["you have an application in this term"] : []),
  ];
  return reasons.length > 0 ? reasons : ["you take part in this term"];
}

/** The sentences that say how one phase moved, in the reader's zone. */
export function changeSentences(change: TimelineRowChange & { kind: PhaseKind }, timeZone: string): string[] {
  const was = change.before ? rowWindow(change.before) : null;
  const will = change.after ? rowWindow(change.after) : null;
  if (!will) return [`"${PHASE_LABELS[change.kind]}" is no longer on the timeline${was ? ` (it ended ${when(was.end, timeZone)})` : ""}.`];
  const isPoint = will.start.getTime() === will.end.getTime();
  const sentences: string[] = [];
  if (!isPoint && (!was || was.start.getTime() !== will.start.getTime())) {
    sentences.push(
      `${withNow(deadlineHeadline({ kind: change.kind, event: "opens" }))} ${when(will.start, timeZone)}${was ? ` (was ${before(was.start, will.start, timeZone)})` : ""}.`,
    );
  }
  if (!was || was.end.getTime() !== will.end.getTime()) {
    sentences.push(
      `${withNow(deadlineHeadline({ kind: change.kind, event: "closes" }))} ${when(will.end, timeZone)}${was ? ` (was ${before(was.end, will.end, timeZone)})` : ""}.`,
    );
  }
  return sentences;
}

/** "Project proposals close" → "Project proposals now close"; "Admission decisions are due" → "… are now due". */
function withNow(headline: string): string {
  if (headline.includes(" are ")) return headline.replace(" are ", " are now ");
  const last = headline.lastIndexOf(" ");
  return `${headline.slice(0, last)} now${headline.slice(last)}`;
}

function when(at: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return `${local.toFormat("ccc d LLL HH:mm")} ${zoneAbbreviation(local)}`;
}

/** The old instant as short as it can be beside the new one: its day, or its time when only the time moved. */
function before(was: Date, now: Date, timeZone: string): string {
  const old = DateTime.fromJSDate(was, { zone: timeZone });
  return old.hasSame(DateTime.fromJSDate(now, { zone: timeZone }), "day") ? old.toFormat("HH:mm") : old.toFormat("d LLL");
}
