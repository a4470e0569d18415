/**
 * The page to land on after signing in: a local path (one leading "/", not "//" or "/\",
 * which browsers read as another host) without control characters, or "/" for anything else,
 * so the sign-in link cannot send people to another site.
 */
export function safeReturnTo(value: string | undefined): string {
  if (!value || value.length > 1000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must not pass.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  return value;
}
