/**
 * The sites where programs take applications, by host name, with the name a page gives them:
 * LFX Mentorship, and CommunityBridge, its former name, whose project links term pages of
 * 2020 still carry.
 */
export const APPLICATION_SITES = {
  "mentorship.lfx.linuxfoundation.org": "LFX Mentorship",
  "people.communitybridge.org": "LFX Mentorship",
} as const satisfies Record<string, string>;

/** The name of the application site a link points to ("LFX Mentorship"), or null for any other link. */
export function applicationSiteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  return Object.hasOwn(APPLICATION_SITES, parsed.hostname) ? APPLICATION_SITES[parsed.hostname as keyof typeof APPLICATION_SITES] : null;
}
