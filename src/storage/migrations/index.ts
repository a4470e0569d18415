import type { Migration } from "kysely";
import * as createProgramsAndTerms from "./20261125100000-create-programs-and-terms.ts";
import * as createPeopleAndProjects from "./20261125100100-create-people-and-projects.ts";
import * as createAuditAndOutbox from "./20261125100200-create-audit-and-outbox.ts";
import * as addProjectSearch from "./20261125110000-add-project-search.ts";
import * as outboxDelivery from "./20261125120000-outbox-delivery.ts";
import * as createAccounts from "./20261125130000-create-accounts.ts";
import * as oidcLogins from "./20261125140000-oidc-logins.ts";
import * as storeRenderedProjectText from "./20261201120000-store-rendered-project-text.ts";
import * as createScheduledJobs from "./20261201130000-create-scheduled-jobs.ts";
import * as readProjectSkillsAgain from "./20261201140000-read-project-skills-again.ts";
import * as storeMentorContacts from "./20261201150000-store-mentor-contacts.ts";
import * as programSettingsAndOrganizationDetails from "./20261201160000-program-settings-and-organization-details.ts";
import * as termDraftsAndProposals from "./20261201170000-term-drafts-and-proposals.ts";
import * as applications from "./20261202090000-applications.ts";
import * as reviewAndSelection from "./20261203090000-review-and-selection.ts";
import * as offersAndMentorships from "./20261204090000-offers-and-mentorships.ts";
import * as stipendPolicies from "./20261205090000-stipend-policies.ts";
import * as mentorshipExtensions from "./20261206090000-mentorship-extensions.ts";
import * as evaluationsAndInstallments from "./20261207090000-evaluations-and-installments.ts";
import * as rateLimitCounters from "./20261208090000-rate-limit-counters.ts";

/**
 * Every migration, by timestamped name. Listed here rather than read from disk so that the
 * set is fixed at build time; each runs on SQLite and PostgreSQL alike.
 */
export const MIGRATIONS: Record<string, Migration> = {
  "20261125100000-create-programs-and-terms": createProgramsAndTerms,
  "20261125100100-create-people-and-projects": createPeopleAndProjects,
  "20261125100200-create-audit-and-outbox": createAuditAndOutbox,
  "20261125110000-add-project-search": addProjectSearch,
  "20261125120000-outbox-delivery": outboxDelivery,
  "20261125130000-create-accounts": createAccounts,
  "20261125140000-oidc-logins": oidcLogins,
  "20261201120000-store-rendered-project-text": storeRenderedProjectText,
  "20261201130000-create-scheduled-jobs": createScheduledJobs,
  "20261201140000-read-project-skills-again": readProjectSkillsAgain,
  "20261201150000-store-mentor-contacts": storeMentorContacts,
  "20261201160000-program-settings-and-organization-details": programSettingsAndOrganizationDetails,
  "20261201170000-term-drafts-and-proposals": termDraftsAndProposals,
  "20261202090000-applications": applications,
  "20261203090000-review-and-selection": reviewAndSelection,
  "20261204090000-offers-and-mentorships": offersAndMentorships,
  "20261205090000-stipend-policies": stipendPolicies,
  "20261206090000-mentorship-extensions": mentorshipExtensions,
  "20261207090000-evaluations-and-installments": evaluationsAndInstallments,
  "20261208090000-rate-limit-counters": rateLimitCounters,
};
