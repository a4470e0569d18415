import { deadlineHeadline } from "../../../src/domain/deadline-words.ts";
import type { TermSummary } from "../../../src/schemas/catalog.ts";
import { formatDateTime } from "../time/format-date.ts";
import { Countdown } from "./countdown.tsx";
import { DateTimeText } from "./date-time-text.tsx";

const NO_DEADLINE: Partial<Record<TermSummary["status"], string>> = {
  complete: "This term is complete: no dates ahead.",
  dates_unknown: "This term's dates are unknown.",
};

/** Props of DeadlineSummary. */
export interface DeadlineSummaryProps {
  term: Pick<TermSummary, "nextDeadline" | "timeZone" | "status">;
  /** Announce the countdown politely; true only for the one main countdown of a page. */
  live?: boolean;
  onElapsed?: () => void;
}

/** "Applications close in 3 days 4 h" over "Wed 29 May, 02:00 your time · Tue 28 May, 17:00 PDT", or a note that nothing is ahead. */
export function DeadlineSummary({ term, live = false, onElapsed }: DeadlineSummaryProps) {
  const deadline = term.nextDeadline;
  if (!deadline) return <p className="deadline muted">{NO_DEADLINE[term.status] ?? "No dates ahead in this term."}</p>;
  return (
    <div className="deadline">
      <p className="deadline-what">
        {deadlineHeadline(deadline)} <Countdown at={deadline.at} live={live} {...(onElapsed ? { onElapsed } : {})} />
      </p>
      <p className="deadline-when">
        {deadline.event === "day" ? (
          // A whole day of the program's calendar: converting it to another zone would shift the date.
          <time dateTime={deadline.at}>{formatDateTime(new Date(deadline.at), term.timeZone, { dateOnly: true })}</time>
        ) : (
          <DateTimeText iso={deadline.at} timeZone={term.timeZone} />
        )}
      </p>
    </div>
  );
}
