/**
 * Escapes plain text for inline Markdown so it reads back as the same text: emphasis, code, links,
 * HTML and table pipes are neutralized; everything else stays as written.
 */
export function escapeInline(text: string): string {
  return (
    text
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[\\`*[\]<>|~]/g, (char) => `\\${char}`)
      // Underscores only matter at word edges ("_x_"); "mentor_github" stays readable.
      .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (match) => match.replace("_", "\\_"))
      // "&amp;" would read back as "&"; a bare "&" is safe.
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&")
      // A leading "#", "+", "-", "=", or "1." would turn a line into a heading, list or setext underline.
      .replace(/^([#+=-])/, "\\$1")
      .replace(/^(\d+)([.)])/, "$1\\$2")
      // "Title ###" would lose its hashes as a heading's closing sequence.
      .replace(/(\s)(#+)$/, "$1\\$2")
  );
}
