/**
 * The web UI's page addresses as router patterns (`:name` is one path segment). The web's
 * router routes exactly these, and the server answers 404 for any other page address, so the
 * two can never disagree on which pages exist.
 */
export const WEB_PAGES = {
  programs: "/",
  program: "/programs/:program",
  catalog: "/terms/:term/projects",
  term: "/terms/:term",
  project: "/projects/:project",
  apply: "/projects/:project/apply",
  myApplications: "/applications",
  application: "/applications/:application",
  mentoring: "/mentoring",
  mentorship: "/mentorships/:mentorship",
  projectApplications: "/projects/:project/applications",
  newProposal: "/terms/:term/proposals/new",
  proposal: "/proposals/:proposal",
  mentorConfirmation: "/mentor-confirmations",
  signIn: "/sign-in",
  signUp: "/sign-up",
  verifyEmail: "/verify-email",
  resetPassword: "/reset-password",
  invitations: "/invitations",
  account: "/account",
  tokens: "/account/tokens",
  adminAudit: "/admin/:program/audit",
  adminProposals: "/admin/:program/terms/:term/proposals",
  adminApplications: "/admin/:program/terms/:term/applications",
  adminSelection: "/admin/:program/terms/:term/selection",
  adminReport: "/admin/:program/terms/:term/report",
  adminOutbox: "/admin/:program/outbox",
  adminSettings: "/admin/:program/settings",
  adminStipends: "/admin/:program/stipends",
  adminMentorships: "/admin/:program/mentorships",
  adminEligibility: "/admin/:program/eligibility",
  adminOrganizations: "/admin/:program/organizations",
  adminTerms: "/admin/:program/terms",
  adminNewTerm: "/admin/:program/new-term",
  adminTerm: "/admin/:program/terms/:term",
  adminPeople: "/admin/:program",
} as const satisfies Record<string, `/${string}`>;

/** One of the web UI's page patterns. */
export type WebPage = (typeof WEB_PAGES)[keyof typeof WEB_PAGES];

const PATTERNS: ReadonlyArray<readonly string[]> = Object.values(WEB_PAGES).map(segmentsOf);

function segmentsOf(path: string): string[] {
  // The router takes "/account/" for "/account", so a trailing slash is not a segment.
  return path.split("/").filter((segment, index, all) => index > 0 && !(segment === "" && index === all.length - 1));
}

/**
 * True when the web UI has a page at this path (no query string), matched as its router does:
 * literal segments ignoring case, a `:name` segment by any non-empty segment.
 */
export function isWebPagePath(pathname: string): boolean {
  const segments = segmentsOf(pathname === "" ? "/" : pathname);
  return PATTERNS.some(
    (pattern) =>
      pattern.length === segments.length &&
      pattern.every((part, index) => {
        const segment = segments[index] ?? "";
        return part.startsWith(":") ? segment !== "" : part.toLowerCase() === segment.toLowerCase();
      }),
  );
}
