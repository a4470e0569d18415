import { type CanonicalSkill, canonicalSkill, knownSkillLabel } from "../domain/canonical-skill.ts";

// A link's text and address, bounded so that brackets left open cost a bounded look-ahead each.
const MARKDOWN_LINK = /\[([^\]]{0,500})\]\([^)]{0,2000}\)/g;

// Longer than this, a clause is read as a sentence, without stripping its qualifiers.
const MAX_CLAUSE_LENGTH = 300;

// Parts of a phrase that qualify a skill rather than name it.
const LEADING = [
  /^(?:and|or|also|plus|with|etc\.?|the|a|an)\s+/i,
  // "[Bonus] Python", "Frontend Development: Node.js": a heading over the skill, not the skill.
  /^\[[^\]]*\]\s*/,
  /^[^:]{2,40}:\s+(?=\S)/,
  /^(?:ideally|particularly|especially|preferably|mainly|mostly)\s+/i,
  /^in (?:the )?(?=\S)/i,
  /^(?:the )?basics of\s+/i,
  /^using\s+/i,
  // "like Prometheus": an example of the skill before it, named on its own.
  /^(?:like|such as|e\.g\.?|for example|including)\s+/i,
  /^(?:optional|optionally|preferred|bonus|nice[ -]to[ -]have|good[ -]to[ -]have|must know|must have|required)\s*:?\s*/i,
  /^(?:a |an |the )?(?:basic|some|good|strong|solid|deep|general|prior|working|hands-on|intermediate|advanced|proficient|excellent)\s+/i,
  /^(?:familiarity|knowledge|knowlegde|understanding|experience|proficiency|expertise|skills?|fluency|background|interest|comfort)\s+(?:with|of|in)\s+/i,
  /^(?:be )?(?:skilled|familiar|experienced|comfortable|proficient)\s+(?:in|with)\s+/i,
  /^(?:ability|willingness) to\s+/i,
  /^(?:know\s+)?how to\s+(?:\w+\s+)?use\s+/i,
];
const TRAILING =
  /\s+(?:is (?:highly |strongly )?(?:recommended|required|preferred|a must)|(?:is|are) a (?:big )?plus(?: too)?|would be (?:useful|helpful|nice|great|a plus)|is helpful|is preferred|preferred|nice to have|is a bonus|basics?|fundamentals|knowledge|skills?|experience|expertise|proficiency|concepts|understanding|programming|language|etc\.?|is essential|(?:(?:is |would be )?(?:a plus|great|helpful|useful|nice),?\s+)?but (?:is |are )?not (?:required|necessary)|(?:may|might) (?:also )?be (?:helpful|useful)|\++)[,.]?$/i;

/** Strips a phrase of Markdown and of the words that qualify the skill in it ("basic familiarity with Kubernetes" → "Kubernetes"). */
function stripQualifiers(raw: string): string {
  let text = raw
    .replace(MARKDOWN_LINK, "$1")
    .replace(/\([^()]*\)/g, " ")
    .replace(/[*_`"“”]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[-–:.]+\s*|[\s.:!?-]+$/g, "");
  for (let changed = true; changed; ) {
    changed = false;
    for (const pattern of LEADING) {
      const next = text.replace(pattern, "");
      if (next !== text) {
        text = next.trim();
        changed = true;
      }
    }
    const next = text.replace(TRAILING, "").trim();
    if (next !== text && next !== "") {
      text = next;
      changed = true;
    }
  }
  return text;
}

/** Reads one skill as written into its canonical skill, or null for no phrase at all (the rest of a sentence, "etc."). */
function readSkill(raw: string): CanonicalSkill | null {
  // A clause this long is a sentence however it starts: stripping it word by word would cost
  // time in its length squared ("the the the ..."), and it would still be no skill.
  const text = raw.length > MAX_CLAUSE_LENGTH ? raw.replace(/\s+/g, " ").trim() : stripQualifiers(raw);
  // "that demonstrate your understanding", "this area are ideal": the rest of a sentence, not a phrase.
  const fragment = /^etc\.?$/i.test(text) || /^(?:that|which|this|these|those|who|where|when|how|if|to|its|their|similar|other|any|all)\b/i.test(text);
  if (fragment && knownSkillLabel(text) === undefined) return null;
  return canonicalSkill(text);
}

/** Turns one skill as written into its tag ("Golang" and "Go" are both "go"), or null when it names no skill. */
export function normalizeSkill(raw: string): string | null {
  const skill = readSkill(raw);
  return skill?.isSkill ? skill.tag : null;
}

/** Splits "Go/Python" into its parts unless the slash belongs to the name (CI/CD, spf13/cobra, TCP/IP). */
function splitSlashes(phrase: string): string[] {
  if (!phrase.includes("/") || knownSkillLabel(phrase) || /^\s*(tcp|ai|ui|i)\/(ip|ml|ux|o)\s*$/i.test(phrase)) return [phrase];
  const parts = phrase.split("/").map((part) => part.trim());
  return parts.every((part) => part !== "" && !part.includes(" ") && part.length <= 16) ? parts : [phrase];
}

/**
 * Reads a skills field's Markdown into canonical skills, in the order written and without
 * repeats; phrases that are no skill come back marked so, for a caller that shows them.
 */
export function readSkills(markdown: string): CanonicalSkill[] {
  const text = markdown
    .replace(MARKDOWN_LINK, "$1")
    .replace(/<[^>]*>/g, " ")
    // Parenthesized remarks qualify the skill before them: "MongoDB (not required, but nice to have)".
    .replace(/\([^()]*\)/g, " ")
    // "other CNCF projects, like Prometheus, CoreDNS, etc.": examples of the skill before them.
    // Bounded, so that a field of many "like" without "etc" costs no more than a line each.
    .replace(/\b(?:like|such as|e\.g\.|for example|including)\s[^;\n]{0,400}?\betc\b\.?/gi, " ")
    // A line that goes on in lower case is one phrase wrapped ("registry\nfundamentals").
    .replace(/([^,;.\n])\n(?=[a-z])/g, "$1 ")
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, "\n");
  const skills: CanonicalSkill[] = [];
  for (const clause of text.split(/[,;\n]|\s+(?:and|or|&|\+)\s+|\.\s+/)) {
    for (const phrase of clause.length > MAX_CLAUSE_LENGTH ? [clause] : splitSlashes(stripQualifiers(clause))) {
      const skill = readSkill(phrase);
      if (skill && !skills.some((known) => known.tag === skill.tag)) skills.push(skill);
    }
  }
  return skills;
}

/** Derives the tags of a skills field from its Markdown: its skills only, in the order written and without repeats. */
export function extractSkills(markdown: string): string[] {
  return readSkills(markdown)
    .filter((skill) => skill.isSkill)
    .map((skill) => skill.tag);
}

/** The label of each skill tag of a skills field, as the import stores them ("coredns" → "CoreDNS"). */
export function skillLabels(markdown: string | null | undefined): Map<string, string> {
  return new Map(readSkills(markdown ?? "").map((skill) => [skill.tag, skill.label]));
}
