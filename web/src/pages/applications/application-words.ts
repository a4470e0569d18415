import type { ApplicationState } from "../../../../src/domain/application-states.ts";
import { WebAddress } from "../../../../src/schemas/organization.ts";
import type { Tone } from "../../components/chip.tsx";

/** The colour that goes with an application state's words (never alone). */
export const APPLICATION_STATE_TONE: Record<ApplicationState, Tone> = {
  draft: "neutral",
  submitted: "info",
  withdrawn: "closed",
  offered: "closing",
  accepted: "open",
  declined: "closed",
  lapsed: "closed",
  not_selected: "closed",
};

/**
 * What is wrong with a link typed into an application, by the very rule the server applies
 * (an http(s) address), so it is said beside the link before anything is sent; nothing for a
 * row not typed yet.
 */
export function linkProblem(link: string): string | undefined {
  if (link.trim() === "") return undefined;
  const checked = WebAddress.safeParse(link);
  return checked.success ? undefined : checked.error.issues[0]?.message;
}
