import { DateTime } from "luxon";
import { phaseOrder } from "./phases.ts";
import { phaseWindow, type TermTimeline, termEndsAt } from "./timeline.ts";

const YEAR = /(?<!\d)(19|20)\d{2}(?!\d)/;

/**
 * A term's title as pages show it: the program's own words, followed by the year and months of the
 * mentorship when they name no year ("Q1" → "Q1 2022 (March – May)"), read from the timeline in the
 * term's zone: from the start of the mentorship (its phase, or the first date after the selection)
 * to the last date it names.
 * A title with a year, or a timeline without dates, is shown as written.
 */
export function termDisplayTitle(title: string, timeline: Pick<TermTimeline, "timeZone" | "phases">): string {
  if (YEAR.test(title)) return title;
  const last = termEndsAt(timeline);
  const windows = timeline.phases.flatMap((phase) => {
    const window = phaseWindow(phase);
    return window ? [{ kind: phase.kind, start: window.start.getTime(), end: window.end.getTime() }] : [];
  });
  // The mentorship starts with its phase, or else with the first date after the selection ("Fall Term: September 1st - …").
  const selected = Math.max(Number.NEGATIVE_INFINITY, ...windows.filter((w) => w.kind !== null && phaseOrder(w.kind) < phaseOrder("start")).map((w) => w.end));
  const after = windows.filter((w) => w.start >= selected).map((w) => w.start);
  const first = windows.find((w) => w.kind === "start")?.start ?? Math.min(...(after.length > 0 ? after : windows.map((w) => w.start)));
  if (last === null || !Number.isFinite(first)) return title;
  const from = DateTime.fromMillis(first, { zone: timeline.timeZone, locale: "en" });
  // The last instant is exclusive: a term that ends at midnight after May 31st ends in May.
  const to = DateTime.fromMillis(Math.max(first, last - 1), { zone: timeline.timeZone, locale: "en" });
  const months =
    from.year !== to.year
      ? `${from.toFormat("LLLL yyyy")} – ${to.toFormat("LLLL yyyy")}`
      : from.month === to.month
        ? from.toFormat("LLLL")
        : `${from.toFormat("LLLL")} – ${to.toFormat("LLLL")}`;
  return from.year !== to.year ? `${title} (${months})` : `${title} ${from.year} (${months})`;
}
