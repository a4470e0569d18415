import { useEffect, useRef } from "react";
import { relativeTo } from "../time/durations.ts";
import { useNow } from "../time/use-now.ts";

/** Props of Countdown. */
export interface CountdownProps {
  /** The instant counted down to, ISO 8601. */
  at: string;
  /** Announce changes to screen readers; only the page's main countdown should, to stay quiet. */
  live?: boolean;
  /** Called once when the instant passes, e.g. to reload the page's data. */
  onElapsed?: () => void;
}

/**
 * "in 3 days 4 h", ticking every second. The words change at most once a minute, so the
 * polite live region does not chatter.
 */
export function Countdown({ at, live = false, onElapsed }: CountdownProps) {
  const now = useNow(1000);
  const target = new Date(at);
  const elapsed = target.getTime() <= now.getTime();
  const fired = useRef(elapsed);
  useEffect(() => {
    if (elapsed && !fired.current) {
      fired.current = true;
      onElapsed?.();
    }
  }, [elapsed, onElapsed]);
  return (
    <span className="countdown" role="timer" aria-live={live ? "polite" : "off"} aria-atomic="true">
      {relativeTo(target, now)}
    </span>
  );
}
