import type { TermSummary } from "../../../src/schemas/catalog.ts";
import { CLOSING_SOON_MS } from "../time/durations.ts";
import { useNow } from "../time/use-now.ts";
import { Chip, type Tone } from "./chip.tsx";

const TONES: Record<TermSummary["status"], Tone> = {
  planned: "neutral",
  proposals_open: "open",
  applications_open: "open",
  in_review: "info",
  selections_announced: "info",
  in_progress: "info",
  complete: "closed",
  dates_unknown: "neutral",
};

/** True when the term's open window closes within 48 hours of now. */
export function isClosingSoon(term: Pick<TermSummary, "status" | "nextDeadline">, now: Date): boolean {
  const deadline = term.nextDeadline;
  if (TONES[term.status] !== "open" || !deadline || deadline.event !== "closes") return false;
  const left = new Date(deadline.at).getTime() - now.getTime();
  return left > 0 && left <= CLOSING_SOON_MS;
}

/** A term's status as a chip: green while a window is open, amber in its last 48 hours, grey when complete. */
export function TermStatusChip({ term }: { term: Pick<TermSummary, "status" | "statusLabel" | "nextDeadline"> }) {
  const now = useNow(60_000);
  const closing = isClosingSoon(term, now);
  return <Chip tone={closing ? "closing" : TONES[term.status]}>{closing ? `${term.statusLabel} · closing soon` : term.statusLabel}</Chip>;
}
