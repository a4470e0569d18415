import type { Code, Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { type Processor, unified } from "unified";

/**
 * Turns off the GFM constructs that rescan at every character: footnotes walk back through the
 * whole paragraph at each "]" (40 KB of "](" took seconds, 100 KB half a minute), and the
 * autolink-literal tokenizer reads a URL's trailing punctuation ahead from each dot or ")" (20,000
 * dots, 30 s). Term pages write no footnotes ("[^1]" then reads as CommonMark does, a link
 * reference), and bare URLs still become links: remark-gfm's tree transform finds them too.
 */
export function remarkWithoutRescans(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push({
    disable: { null: ["gfmFootnoteDefinition", "gfmFootnoteCall", "gfmPotentialFootnoteCall", "wwwAutolink", "protocolAutolink", "emailAutolink"] },
  });
}

// One frozen processor: building it per call costs more than a small page's parse.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkWithoutRescans).freeze();

/** Parses Markdown (CommonMark + GFM) into an mdast tree with positions; the only parse a page gets. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/** Plain text of a node; struck-through text (`~~old~~`) is left out, as the page retracted it. */
export function plainText(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (node.type === "delete") return "";
  if (node.type === "break") return "\n";
  if (node.type === "html" || node.type === "image" || node.type === "imageReference") return "";
  if ("children" in node) {
    let out = "";
    for (const child of node.children) out += plainText(child as Nodes);
    return out;
  }
  return "value" in node && typeof node.value === "string" ? node.value : "";
}

/** Collapses runs of whitespace to one space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** 1-based line where a node starts (1 when the node has no position). */
export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

/** The source text a node spans. */
export function sourceOf(source: string, node: Nodes): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : source.slice(start, end);
}

/** Width of leading whitespace, tabs advancing to the next multiple of 4 as CommonMark does. */
function indentWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === " ") width += 1;
    else if (char === "\t") width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Removes up to `width` columns of leading whitespace from a line. */
function stripIndent(line: string, width: number): string {
  let column = 0;
  let index = 0;
  while (index < line.length && column < width) {
    const char = line[index];
    if (char === " ") column += 1;
    else if (char === "\t") {
      const next = column + 4 - (column % 4);
      // A tab reaching past the cut keeps the rest as spaces, so nesting survives.
      if (next > width) return " ".repeat(next - width) + line.slice(index + 1);
      column = next;
    } else break;
    index += 1;
  }
  return line.slice(index);
}

/**
 * Turns the lines of a list item's content into stand-alone Markdown: the first line is kept, and
 * when it is empty the others lose their common indentation.
 */
export function dedentLines(lines: string[]): string {
  const [first = "", ...rest] = lines;
  // Text on the first line sits at column 0; then nothing is stripped, so text that is written back
  // on the label's line or below it reads back the same.
  let common = first.trim() === "" ? Number.POSITIVE_INFINITY : 0;
  for (const line of rest) if (line.trim() !== "") common = Math.min(common, indentWidth(line));
  const body = common === Number.POSITIVE_INFINITY ? rest : rest.map((line) => stripIndent(line, common));
  const out = first.trim() === "" ? body : [first.trimStart(), ...body];
  while (out.length > 0 && out[0]?.trim() === "") out.shift();
  while (out.length > 0 && out[out.length - 1]?.trim() === "") out.pop();
  // Trailing spaces stay: two of them are a hard line break, and code keeps its text.
  return out.join("\n").trimEnd();
}

/**
 * Lines of a block's source, the first one without its list marker and the others without
 * the indentation that puts them inside the block (lazy lines keep what they have).
 */
export function blockLines(source: string, node: Nodes): string[] {
  const startOffset = node.position?.start.offset;
  const lines = sourceOf(source, node).split("\n");
  if (startOffset === undefined) return lines;
  const lineStart = source.lastIndexOf("\n", startOffset - 1) + 1;
  const first = source.slice(lineStart, startOffset) + (lines[0] ?? "");
  const marker = node.type === "listItem" ? /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/.exec(first) : /^[ \t]*/.exec(first);
  const prefix = marker?.[0] ?? "";
  // Continuation lines belong to the block when indented to its content column.
  const width = indentWidth(prefix.replace(/[^\t ]/g, " "));
  const rest = lines.slice(1).map((line) => stripIndent(line, width));
  // An item ending in unclosed code or HTML is reported up to the next item's marker, whose text then
  // goes on on the same line; that marker is not the item's own.
  const endOffset = node.position?.end.offset ?? source.length;
  const runsOn = endOffset < source.length && source[endOffset] !== "\n";
  if (node.type === "listItem" && runsOn && /^\s*(?:[-*+]|\d{1,9}[.)])\s*$/.test(rest[rest.length - 1] ?? "x")) rest.pop();
  return [first.slice(prefix.length), ...rest];
}

/**
 * True for HTML that runs to its end marker rather than to a blank line (comments, <script>, <pre>,
 * processing instructions): unclosed, it swallows the rest of a page, and it renders as nothing.
 */
export function isSwallowingHtml(node: Nodes): boolean {
  return node.type === "html" && /^\s*(<!--|<\?|<![A-Za-z[]|<(script|pre|style|textarea)\b)/i.test(node.value);
}

/**
 * A code block as Markdown that reads back the same wherever it is written (at the root or under a
 * field): always fenced and closed, its text untouched.
 */
export function codeBlockMarkdown(block: Code): string {
  const longest = Math.max(0, ...(block.value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  const info = [block.lang, block.meta].filter(Boolean).join(" ");
  return `${fence}${info}\n${block.value}\n${fence}`;
}
