/** A run of plain text, or a link with its text, as a page shows a short Markdown passage. */
export interface TextPart {
  text: string;
  /** An http(s) URL; null for plain text. */
  url: string | null;
}

// `[text](url)`, `<url>` and bare URLs; only http(s) targets become links.
const LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)|<(https?:\/\/[^\s>]+)>|(https?:\/\/[^\s<>)\]]+[^\s<>)\].,;:!?'"])/gi;

/** Markdown's marks that have no place in one line of plain text: emphasis, code, headings, quotes, list bullets. */
function plain(markdown: string): string {
  return markdown
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, "")
    .replace(/(\*\*|__|\*|_|`)(\S(?:[^\n]*?\S)?)\1/g, "$2")
    .replace(/\s+/g, " ");
}

/**
 * A short Markdown passage (a term page's application instructions) as plain text and links,
 * for a page to show without rendering Markdown: cheap on every read, and only http(s) links
 * survive, so a `javascript:` target stays text.
 */
export function markdownTextParts(markdown: string): TextPart[] {
  const parts: TextPart[] = [];
  const pushText = (text: string) => {
    const words = plain(text);
    if (words === "") return;
    const last = parts[parts.length - 1];
    if (last && last.url === null) last.text += words;
    else parts.push({ text: words, url: null });
  };
  let at = 0;
  for (const match of markdown.matchAll(LINK)) {
    pushText(markdown.slice(at, match.index));
    const url = match[2] ?? match[3] ?? match[4] ?? "";
    parts.push({ text: match[1] ? plain(match[1]).trim() : url, url });
    at = match.index + match[0].length;
  }
  pushText(markdown.slice(at));
  const first = parts[0];
  if (first && first.url === null) first.text = first.text.trimStart();
  const last = parts[parts.length - 1];
  if (last && last.url === null) last.text = last.text.trimEnd();
  return parts.filter((part) => part.text !== "");
}
