import { applicationsDraftReminder } from "./applications-draft-reminder.ts";
import { eligibilityPurge } from "./eligibility-purge.ts";
import { evaluationsReminder } from "./evaluations-reminder.ts";
import type { JobHandler } from "./job-handler.ts";
import { mentorshipWelcome } from "./mentorship-welcome.ts";
import { offersLapse } from "./offers-lapse.ts";
import { selectionNotices } from "./selection-notices.ts";
import { sessionsPurgeExpired } from "./sessions-purge-expired.ts";

/** Every kind of scheduled job the server runs; a job of a kind not listed here ends failed. */
export const JOB_HANDLERS: readonly JobHandler[] = [
  sessionsPurgeExpired,
  applicationsDraftReminder,
  selectionNotices,
  offersLapse,
  mentorshipWelcome,
  evaluationsReminder,
  eligibilityPurge,
];
