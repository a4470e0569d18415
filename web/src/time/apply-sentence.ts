import type { ApplyState } from "../../../src/schemas/catalog.ts";
import { instantInSentence } from "./format-date.ts";

/**
 * Whether one can apply, in a sentence whose instant the viewer reads in their own zone first:
 * "Applications closed on Wed 29 May, 02:00 your time (Tue 28 May, 17:00 PDT)." The server's
 * own message gives the term's zone and UTC, since it cannot know the viewer's; it is kept only
 * where there is no instant to say.
 */
export function applySentence(apply: ApplyState, termZone: string, viewerZone?: string): string {
  const when = (iso: string) => instantInSentence(iso, termZone, viewerZone);
  if (apply.state === "open" && apply.closesAt) return `Applications are open until ${when(apply.closesAt)}.`;
  if (apply.state === "not_yet_open" && apply.opensAt) return `Applications open on ${when(apply.opensAt)}.`;
  if (apply.state === "closed" && apply.closesAt) return `Applications closed on ${when(apply.closesAt)}.`;
  return apply.message;
}
