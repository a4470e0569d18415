import { escapeInline } from "./escape.ts";
import { fieldKind, splitLabel } from "./fields.ts";
import type { Mentor } from "./types.ts";

/** Text found on one line of the field (0-based index of the line). */
export interface LineText {
  text: string;
  index: number;
}

/** Mentors read from a mentor field, lines that name nobody, and emails worth a finding. */
export interface ParsedMentors {
  mentors: Mentor[];
  notes: string[];
  malformedEmails: LineText[];
  obfuscatedEmails: LineText[];
}

type Token =
  | { type: "word"; value: string }
  | { type: "name"; value: string }
  | { type: "handle"; value: string }
  | { type: "email"; value: string; valid: boolean }
  | { type: "open" }
  | { type: "close" }
  | { type: "sep" };

/** A syntactically valid address; "mailto" glued to the local part is a pasted link, not an address. */
export function isValidEmail(email: string): boolean {
  return /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(email) && !/^mailto/i.test(email);
}

// "name AT domain DOT com", "name at domain dot io", "name[at]domain.io", "name (at) domain (dot) io".
// Patterns over a field's text start only where a run of their characters starts (the lookbehinds) and
// stop at the next character that could start another match: a run of 20,000 digits is read once, not
// once from each of its characters.
const OBFUSCATED =
  /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+)\s*(?:\[at\]|\(at\)|\s(?:at|AT)\s)\s*([A-Za-z0-9-]+(?:\s*(?:\[dot\]|\(dot\)|\s(?:dot|DOT)\s|\.)\s*[A-Za-z0-9-]+)+)/g;

const TOKEN =
  /\[([^[\]]*)\]\(\s*<?([^)\s>]*)>?\s*\)|<([^<>\s]+)>|(https?:\/\/[^\s<>()]+)|([A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]*[A-Za-z0-9])|(?<![\w@])@([A-Za-z0-9][A-Za-z0-9_-]{0,38})|([(])|([)])|([,;&，、]|\band\b)|([^\s,;&()[\]<>@]+)/g;

const HANDLE_URL = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9][A-Za-z0-9_-]{0,38})\/?$/i;
const SOCIAL_URL = /^https?:\/\/(?:www\.)?(?:twitter|x|linkedin|gitlab)\.com\//i;

function linkTokens(text: string, url: string, out: Token[]): void {
  const label = text.replace(/[*_`]/g, "").trim();
  if (url.startsWith("mailto:")) {
    const email = url.slice(7);
    out.push({ type: "email", value: email, valid: isValidEmail(email) });
    return;
  }
  const github = HANDLE_URL.exec(url);
  // "[@Matthias Wahl](https://github.com/mfelsche)": a name written like a handle.
  if (/^@[A-Za-z0-9][A-Za-z0-9_-]{0,38}$/.test(label)) out.push({ type: "handle", value: label.slice(1) });
  // The label reads like any other text, so "[A and B](…)" splits as "A and B" would when written back.
  else if (label && label !== url && !/^https?:/.test(label)) out.push(...tokenize(label.replace(/^@/, "").replace(/[[\]()<>]/g, " ")));
  if (github?.[1]) out.push({ type: "handle", value: github[1] });
  else if (!label && SOCIAL_URL.test(url)) out.push({ type: "name", value: url });
}

function tokenize(entry: string): Token[] {
  const out: Token[] = [];
  for (const m of entry.matchAll(TOKEN)) {
    if (m[2] !== undefined) linkTokens(m[1] ?? "", m[2], out);
    else if (m[3] !== undefined) {
      const inner = m[3];
      if (inner.includes("@") && !inner.includes("://")) {
        const email = inner.replace(/^mailto:/i, "");
        out.push({ type: "email", value: email, valid: isValidEmail(email) });
      } else linkTokens("", inner, out);
    } else if (m[4] !== undefined) linkTokens("", m[4], out);
    else if (m[5] !== undefined) out.push({ type: "email", value: m[5], valid: isValidEmail(m[5]) });
    else if (m[6] !== undefined) out.push({ type: "handle", value: m[6] });
    else if (m[7] !== undefined) out.push({ type: "open" });
    else if (m[8] !== undefined) out.push({ type: "close" });
    else if (m[9] !== undefined) out.push({ type: "sep" });
    else if (m[10] !== undefined) {
      const word = m[10].replace(/\\(.)/g, "$1").replace(/^[*_`~]+|[*_`~]+$/g, "");
      // "email:" / "GitHub:" inside a mentor line label the next token; they are not part of a name.
      if (/[\p{L}\p{N}]/u.test(word) && !/^(e-?mail|github|gh|handle|mail|twitter|slack):?$/i.test(word) && word !== "-") {
        out.push({ type: "word", value: word });
      }
    }
  }
  return out;
}

// A mentor's role, written "(primary)", "- primary" or "Primary:"; not part of the name.
const ROLE = /^(primary|secondary|lead|main|backup|adjunct|co-?mentor)$/i;
// A list item that only names the role of the mentors nested under it ("- Primary", "- Adjunct:").
const ROLE_HEADER = /^\s*(primary|secondary|lead|backup|adjunct|co-?mentors?)(\s+mentors?)?\s*:?\s*$/i;

// Words that qualify a mentor in parentheses rather than being their handle.
const ANNOTATION = /^(primary|secondary|lead|main|maintainer|mentor|co-?mentor|backup|advisor|optional|emeritus|tbd|tbc|he|she|they|him|her|them)$/i;

interface Draft {
  name: string[];
  handle: string | null;
  email: string | null;
  /** A lone word in parentheses: the handle if nothing follows it, else part of the name ("Kevin (Zefeng) Wang"). */
  candidate: string | null;
}

/** Groups tokens into mentors: a name starts a mentor, and a handle or email joins the open one until it has its own. */
function group(tokens: Token[], malformed: string[]): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let afterSep = false;
  let depth = 0;
  let groupWords: string[] = [];
  let groupHasContact = false;
  let previousWasWord = false;
  const start = (): Draft => {
    current = { name: [], handle: null, email: null, candidate: null };
    drafts.push(current);
    afterSep = false;
    return current;
  };
  for (const token of tokens) {
    const wasWord = previousWasWord;
    previousWasWord = false;
    const open = current as Draft | null;
    if (open?.candidate && token.type !== "open") {
      // Followed by more of the name, or by the real handle, it annotates the name; otherwise it was the handle.
      if (token.type === "word" || token.type === "name" || token.type === "handle") open.name.push(`(${open.candidate})`);
      else if (!open.handle) open.handle = open.candidate;
      open.candidate = null;
    }
    if (token.type === "open") {
      depth += 1;
      groupWords = [];
      groupHasContact = false;
    } else if (token.type === "close") {
      if (depth === 0) continue;
      depth -= 1;
      // A remark in parentheses before any name still belongs to the mentor it starts.
      const draft = (current as Draft | null) ?? (groupWords.length > 0 && !groupHasContact ? start() : null);
      if (draft && groupWords.length > 0) {
        // "(paularah, <email>)" and "(npolshakova)": a lone word is the handle; "(primary)" annotates the name.
        const word = groupWords.length === 1 ? (groupWords[0] ?? "") : "";
        const handleLike = /^[A-Za-z0-9][A-Za-z0-9_-]{0,38}$/.test(word) && !ANNOTATION.test(word);
        if (!draft.handle && handleLike && groupHasContact) draft.handle = word;
        else if (!draft.handle && handleLike && draft.name.length > 0) draft.candidate = word;
        else if (!groupHasContact && !ROLE.test(groupWords.join(" "))) draft.name.push(`(${groupWords.join(" ")})`);
      }
      groupWords = [];
    } else if (token.type === "sep") {
      if (depth === 0) afterSep = true;
    } else if (token.type === "word" || token.type === "name") {
      if (depth > 0) {
        groupWords.push(token.value);
        continue;
      }
      let draft = current as Draft | null;
      // "@Vad1mo - Vadim Bauer" and "@OrlinVasilev Orlin Vasilev": a name right after a bare handle is its owner's.
      const owner = draft && !afterSep && (draft.name.length === 0 || wasWord);
      const complete = draft && (draft.handle !== null || draft.email !== null) && !owner;
      if (!draft || complete || (afterSep && draft.name.length > 0)) draft = start();
      draft.name.push(token.value);
      afterSep = false;
      previousWasWord = true;
    } else if (token.type === "handle") {
      let draft = current as Draft | null;
      if (!draft || draft.handle !== null || (afterSep && draft.email !== null)) draft = start();
      draft.handle = token.value;
      groupHasContact = true;
      afterSep = false;
    } else {
      if (!token.valid) malformed.push(token.value);
      let draft = current as Draft | null;
      if (!draft || draft.email !== null) draft = start();
      draft.email = token.value;
      groupHasContact = true;
      afterSep = false;
    }
  }
  for (const draft of drafts) {
    if (draft.candidate && !draft.handle) draft.handle = draft.candidate;
    draft.candidate = null;
  }
  return mergeSplitNames(drafts);
}

/** "Hung-Ying, Tai (@hydai …)": a one-word name alone before a one-word name with contacts is the first half of it. */
function mergeSplitNames(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const draft of drafts) {
    const previous = out[out.length - 1];
    const lone = previous && previous.name.length === 1 && !previous.handle && !previous.email;
    if (lone && previous && draft.name.length === 1 && (draft.handle || draft.email)) {
      draft.name = [...previous.name, ...draft.name];
      out[out.length - 1] = draft;
    } else out.push(draft);
  }
  return out;
}

const NOBODY = /^(tbd|tba|n\/?a|none|-+|\?+)$/i;

function cleanName(words: string[]): string | null {
  const name = words
    .join(" ")
    .replace(/^[\s:,.\-–]+|(?<![\s:,\-–])[\s:,\-–]+$/g, "")
    .replace(/\s+/g, " ");
  return name === "" ? null : name;
}

/** Splits the field's Markdown into entries: one per list item, the inline text being the first. */
function entries(markdown: string): LineText[] {
  const out: LineText[] = [];
  for (const [index, raw] of markdown.split("\n").entries()) {
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(raw);
    const last = out[out.length - 1];
    if (item) out.push({ text: item[1] ?? "", index });
    else if (raw.trim() === "") continue;
    else if (!last) out.push({ text: raw.trim(), index });
    // A line break between mentors written without list markers separates them.
    else last.text += ` ; ${raw.trim()}`;
  }
  return out;
}

const ENTRY_LABEL =
  /^\s*(?:\*\*)?\s*(?:(?:(?:primary|secondary|co-?|potential)\s*)?(?:mentor|mentors|metor)[^:]{0,12}|primary|secondary|lead|backup|adjunct):(?:\*\*)?\s*/i;

/** Reads the mentors of a mentor field, in every way the pages write them. */
export function parseMentors(markdown: string): ParsedMentors {
  const read = readMentors(markdown);
  // A mentor must read back as itself once written `Name (@handle, <email>)`; the odd one that would
  // not (stray parentheses, separators in a name) is taken as it will read back.
  const mentors: Mentor[] = [];
  const notes = [...read.notes];
  for (const mentor of read.mentors) {
    const again = readMentors(`- ${formatMentor(mentor, escapeInline)}`);
    notes.push(...again.notes);
    for (const person of again.mentors) if (!isDuplicate(mentors, person)) mentors.push(person);
  }
  return { ...read, mentors, notes };
}

function readMentors(markdown: string): ParsedMentors {
  const mentors: Mentor[] = [];
  const notes: string[] = [];
  const malformedEmails: LineText[] = [];
  const obfuscatedEmails: LineText[] = [];
  for (const { text: rawEntry, index } of entries(markdown)) {
    let entry = rawEntry;
    while (ENTRY_LABEL.test(entry)) entry = entry.replace(ENTRY_LABEL, "");
    // The template's reminder sometimes stays after the names.
    entry = entry
      .replace(/(?<!\s)\s+-\s+please use the same email.*$/i, "")
      .replace(/(?<!\s)\s+[-–]\s*(primary|secondary|lead|backup|co-?mentor)\s*$/i, "")
      .trim();
    // "name@domain.com@handle": an address and a handle written without a space.
    entry = entry.replace(/(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})@(?=[A-Za-z0-9])/g, "$1 @");
    if (ROLE_HEADER.test(entry)) continue;
    entry = entry.replace(OBFUSCATED, (whole: string, user: string, domain: string) => {
      const email = `${user}@${domain.replace(/\s*(?:\[dot\]|\(dot\)|\s(?:dot|DOT)\s|\.)\s*/g, ".")}`;
      obfuscatedEmails.push({ text: whole.trim(), index });
      return ` ${email} `;
    });
    // Nothing but punctuation ("Mentor(s): #") names nobody and says nothing.
    if (!/[\p{L}\p{N}]/u.test(entry)) continue;
    // Another field strayed into the list ("- LFX URL: …") is kept as written, not read as a person.
    const stray = splitLabel(entry);
    if (stray && (fieldKind(stray.text) ?? "mentors") !== "mentors") {
      notes.push(entry);
      continue;
    }
    const malformed: string[] = [];
    const drafts = group(tokenize(entry), malformed);
    for (const text of malformed) malformedEmails.push({ text, index });
    const named = drafts.map((draft) => ({ name: withoutLabel(cleanName(draft.name)), handle: draft.handle, email: draft.email }));
    const people = named.filter((m) => !(m.name && NOBODY.test(m.name) && !m.handle && !m.email));
    // A line of prose ("X and Y from Grafana also available to help") names no mentor to contact.
    // A field label is no one's name ("Upstream Issue" left under the mentors).
    const prose = people.some((m) => !m.handle && !m.email && ((m.name?.split(" ").length ?? 0) >= 5 || isLabel(m.name)));
    if (people.length === 0 || prose) notes.push(entry);
    else for (const person of people) if (!isDuplicate(mentors, person)) mentors.push(person);
  }
  return { mentors, notes, malformedEmails, obfuscatedEmails };
}

/** Drops a field label that strayed in front of a name ("LFX URL: Amit Watve"), so it cannot read back as a field. */
function withoutLabel(name: string | null): string | null {
  const label = name ? splitLabel(name) : null;
  if (!label || fieldKind(label.text) === null || label.rest.trim() === "") return name;
  return cleanName(label.rest.split(" "));
}

/** True for a "name" that is a field label ("Upstream Issue", "LFX URL: …"): a stray field, no one's name. */
function isLabel(name: string | null): boolean {
  if (name === null) return false;
  const label = splitLabel(name);
  return fieldKind(name) !== null || (label !== null && fieldKind(label.text) !== null);
}

function isDuplicate(list: Mentor[], mentor: Mentor): boolean {
  return list.some(
    (other) =>
      (mentor.handle !== null && other.handle?.toLowerCase() === mentor.handle.toLowerCase()) ||
      (mentor.email !== null && other.email?.toLowerCase() === mentor.email.toLowerCase()) ||
      (mentor.handle === null && mentor.email === null && other.name === mentor.name),
  );
}

/** Writes a mentor the canonical way: `Name (@handle, <email>)`, leaving out what is unknown. */
export function formatMentor(mentor: Mentor, escapeText: (text: string) => string): string {
  const contact = [mentor.handle ? `@${mentor.handle}` : null, mentor.email ? `<${mentor.email}>` : null].filter((part): part is string => part !== null);
  if (!mentor.name) {
    if (mentor.handle) return mentor.email ? `@${mentor.handle} (<${mentor.email}>)` : `@${mentor.handle}`;
    return mentor.email ? `<${mentor.email}>` : "";
  }
  return contact.length > 0 ? `${escapeText(mentor.name)} (${contact.join(", ")})` : escapeText(mentor.name);
}
