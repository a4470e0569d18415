/** URLs found in a field, and pieces that look like links but are not valid http(s) URLs. */
export interface ExtractedLinks {
  urls: string[];
  malformed: string[];
}

// [text](url), <url>, and bare http(s) URLs, in one left-to-right pass; a link's text stops at the
// next "[" so that a run of them is not rescanned from each one.
const LINK =
  /\[([^[\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)|<((?:https?|mailto):[^<>\s]+)>|(https?:\/\/[^\s<>"'`]+)|\b((?:www\.)?github\.com\/[^\s<>"'`)]+)/gi;

const SENTENCE_END = ".,;:!?*_~";

/**
 * Drops punctuation that ends a sentence rather than the URL, keeping balanced parentheses; one
 * pass from the end, as a URL may be a whole page of dots or parentheses.
 */
function trimUrl(url: string): string {
  let end = url.length;
  let opens = 0;
  let closes = 0;
  for (const char of url) {
    if (char === "(") opens += 1;
    else if (char === ")") closes += 1;
  }
  const dropPunctuation = () => {
    while (end > 0 && SENTENCE_END.includes(url[end - 1] ?? "")) end -= 1;
  };
  dropPunctuation();
  while (end > 0 && url[end - 1] === ")" && opens < closes) {
    end -= 1;
    closes -= 1;
    dropPunctuation();
  }
  return url.slice(0, end);
}

/** True for an absolute http(s) URL with a dotted host and no spaces. */
export function isValidUrl(url: string): boolean {
  if (/\s/.test(url)) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname.includes(".");
  } catch {
    return false;
  }
}

/** Finds the http(s) links of a field's Markdown, in order and without duplicates. */
export function extractLinks(markdown: string): ExtractedLinks {
  const urls: string[] = [];
  const malformed: string[] = [];
  for (const match of markdown.matchAll(LINK)) {
    const [, text, target, angle, bare, schemeless] = match;
    let url = target ?? angle ?? (bare ? trimUrl(bare) : undefined);
    if (url === undefined && schemeless) {
      // "github.com/org/repo/issues/1" without a scheme is a link the author meant; report it.
      malformed.push(trimUrl(schemeless));
      continue;
    }
    if (url === undefined) continue;
    if (url === "" && text && /^https?:\/\//.test(text)) url = text;
    if (url.startsWith("mailto:") || url.startsWith("#")) continue;
    if (!isValidUrl(url)) malformed.push(url);
    else if (!urls.includes(url)) urls.push(url);
  }
  return { urls, malformed };
}

/** Writes a URL so it reads back whole: bare when it can be, in angle brackets when its end or characters would be cut. */
export function formatUrl(url: string): string {
  return /^https?:\/\/[^\s<>"'`*_~[\]()]+$/.test(url) && trimUrl(url) === url ? url : `<${url}>`;
}
