import type { List, ListItem } from "mdast";
import { lineOf, plainText, squash } from "./markdown.ts";
import type { TocEntry } from "./types.ts";

/** GitHub's anchor for a heading text: lower-case, punctuation dropped, spaces to hyphens. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** Hands out GitHub anchors in page order, numbering repeats ("faq", "faq-1") as GitHub does. */
export class Slugger {
  private readonly seen = new Map<string, number>();

  /** The anchor for the next heading with this text. */
  slug(text: string): string {
    const base = githubSlug(text);
    let slug = base;
    let count = this.seen.get(base) ?? 0;
    while (this.seen.has(slug)) {
      count += 1;
      slug = `${base}-${count}`;
    }
    this.seen.set(base, count);
    this.seen.set(slug, 0);
    return slug;
  }
}

/** Text with case, punctuation and spacing removed, to match a TOC entry to a heading written slightly differently. */
export function matchKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

function firstLink(item: ListItem): { text: string; url: string } | null {
  const lead = item.children[0];
  if (lead?.type !== "paragraph") return null;
  const link = lead.children.find((child) => child.type === "link");
  return link?.type === "link" ? { text: squash(plainText(link)), url: link.url } : null;
}

/** True for a list whose items link to anchors of the same page: a table of contents. */
export function isTocList(list: List): boolean {
  const links = list.children.map(firstLink);
  const internal = links.filter((link) => link?.url.startsWith("#")).length;
  return internal > 0 && internal >= list.children.length * 0.6;
}

/** The entries of a table-of-contents list, nested entries included, as written. */
export function tocEntries(list: List, depth = 0): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const item of list.children) {
    const link = firstLink(item);
    const lead = item.children[0];
    const text = link ? link.text : lead ? squash(plainText(lead)) : "";
    if (text !== "" || link) {
      const anchor = link?.url.startsWith("#") ? decodeAnchor(link.url.slice(1)) : null;
      entries.push({ text, anchor, depth, line: lineOf(item) });
    }
    for (const child of item.children) if (child.type === "list") entries.push(...tocEntries(child, depth + 1));
  }
  return entries;
}

// A malformed escape ("%E2%8") must not throw out of the parser.
function decodeAnchor(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
