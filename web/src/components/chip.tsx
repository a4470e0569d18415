import type { ReactNode } from "react";

/** The meaning a chip's colour carries; the chip always says it in words too. */
export type Tone = "open" | "closing" | "closed" | "info" | "neutral" | "error";

/** A small rounded label with a shape and a colour for its tone, never colour alone. */
export function Chip({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span className={`chip chip-${tone}`}>
      <span className="chip-icon" aria-hidden="true" />
      {children}
    </span>
  );
}
