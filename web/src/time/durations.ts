const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Within this much time before it closes, an open window is shown as "closing" (amber). */
export const CLOSING_SOON_MS = 48 * HOUR;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A length of time in the two largest units a person cares about: "3 days 4 h", "5 h 12 min",
 * "12 min". It never counts seconds, so a live region that shows it speaks at most once a minute.
 */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return "less than a minute";
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (days > 0) return hours > 0 && days < 10 ? `${plural(days, "day", "days")} ${hours} h` : plural(days, "day", "days");
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** "in 3 days 4 h" for a future instant, "2 days ago" for a past one. */
export function relativeTo(at: Date, now: Date): string {
  const ms = at.getTime() - now.getTime();
  return ms >= 0 ? `in ${formatDuration(ms)}` : `${formatDuration(ms)} ago`;
}
