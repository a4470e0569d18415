/**
 * Where a person goes after signing in or up. `next` in the query names a local path; the
 * fragment (an invitation's token) travels beside it and never reaches the server.
 */

const KEY = "cohort.return";
/** A remembered return lasts as long as the confirmation link does. */
const TTL_MS = 24 * 60 * 60 * 1000;

/** A local path to return to, or null for anything that could lead to another site. */
export function safeNext(value: string | null | undefined): string | null {
  if (!value || value.length > 1000) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must not pass.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  return value;
}

/** The `next` of the current address plus its fragment, e.g. "/invitations#token=…", or null. */
export function nextFromLocation(search: string, hash: string): string | null {
  const next = safeNext(new URLSearchParams(search).get("next"));
  return next ? `${next}${hash}` : null;
}

/** A page address with `?next=` (and the fragment kept after it), e.g. the sign-in link of an invitation. */
export function withNext(page: string, next: string | null): string {
  if (!next) return page;
  const hashAt = next.indexOf("#");
  const path = hashAt === -1 ? next : next.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : next.slice(hashAt);
  return `${page}?next=${encodeURIComponent(path)}${hash}`;
}

/**
 * Remembers where to go once the email is confirmed: the confirmation link opens in a new tab,
 * which only localStorage reaches. It holds at most an invitation's token, which grants nothing
 * to an account with another address, and is forgotten after a day or once used.
 */
export function rememberReturn(path: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ path, at: Date.now() }));
  } catch {
    // Storage may be off (private windows); the person then opens the link from the email again.
  }
}

/** The remembered return path, if any and still fresh; it stays until forgetReturn(). */
export function rememberedReturn(): string | null {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? "null") as { path?: unknown; at?: unknown } | null;
    if (!stored || typeof stored.path !== "string" || typeof stored.at !== "number" || Date.now() - stored.at > TTL_MS) return null;
    return safeNext(stored.path);
  } catch {
    return null;
  }
}

/** Forgets the remembered return path. */
export function forgetReturn(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
