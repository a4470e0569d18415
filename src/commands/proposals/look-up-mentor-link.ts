import type { DatabaseHandle } from "../../storage/database.ts";
import { findMentorByLink, type MentorOnProposal } from "./mentor-answers.ts";

/** What an emailed confirmation link is about (the project, who named the mentor, their answer so far); no sign-in needed. */
export function lookUpMentorLink(options: { database: DatabaseHandle; token: string }): Promise<MentorOnProposal> {
  return findMentorByLink(options.database.db, options.token);
}
