import { SKILL_LANGUAGES } from "./skill-languages.ts";
import { SKILL_VOCABULARY } from "./skill-vocabulary.ts";

/** One skill as Cohort keeps it: the tag filters use, the label people read, and whether it is a skill at all. */
export interface CanonicalSkill {
  /** Lower-case, hyphens for spaces: "ci-cd", "node.js", "technical-writing". */
  tag: string;
  /** The proper spelling ("CoreDNS", "eBPF"), or the words as written when the vocabulary does not know them. */
  label: string;
  /** False for a phrase that is no skill ("passion for DevEx"): shown as written, never a facet. */
  isSkill: boolean;
}

// Longer than this, an unknown phrase is a sentence about the work, not a skill.
const MAX_SKILL_WORDS = 4;
const MAX_SKILL_LENGTH = 40;

/** The form names are matched in: lower case, without spaces, hyphens, underscores, dots or slashes ("e BPF" → "ebpf"). */
export function skillKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_./]+/g, "");
}

/** The tag of a label: lower case with hyphens for spaces and slashes ("CI/CD" → "ci-cd", "Node.js" → "node.js"). */
export function skillTag(label: string): string {
  return label
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s/]+/g, "-");
}

// Built once at load: a few thousand map entries from the lists above.
const CANONICAL = buildCanonical();
const NOT_SKILLS = new Set<string>(SKILL_VOCABULARY.notSkills.map(skillKey));

function buildCanonical(): Map<string, string> {
  const names = new Map<string, string>();
  const ignored = new Set<string>(SKILL_VOCABULARY.ignoredLanguageAliases.map(skillKey));
  for (const [name] of SKILL_LANGUAGES) names.set(skillKey(name), name);
  // A language's name wins over another language's alias ("R" over an alias spelt "r").
  for (const [name, ...aliases] of SKILL_LANGUAGES) {
    for (const alias of aliases) {
      const key = skillKey(alias);
      if (!ignored.has(key) && !names.has(key)) names.set(key, name);
    }
  }
  const { cncfProjects, tools, practices, aliases } = SKILL_VOCABULARY;
  for (const name of [...cncfProjects, ...tools, ...practices]) names.set(skillKey(name), name);
  for (const [alias, name] of Object.entries(aliases)) names.set(skillKey(alias), name);
  return names;
}

/** The vocabulary's proper spelling of a name or alias ("golang" → "Go", "coredns" → "CoreDNS"), or undefined. */
export function knownSkillLabel(text: string): string | undefined {
  const key = skillKey(text);
  if (key === "") return undefined;
  const exact = CANONICAL.get(key);
  // "REST APIs" and "Containers" also answer for the singular and plural they do not list; not
  // for short words, where "cs" would be the language C.
  if (exact || key.length < 4) return exact;
  return key.endsWith("s") ? CANONICAL.get(key.slice(0, -1)) : CANONICAL.get(`${key}s`);
}

/**
 * Turns one skill phrase, already cut out of its list and stripped of qualifiers, into its
 * canonical skill: the vocabulary's spelling for a name or alias it knows; the words as written
 * for a phrase it does not know (never re-cased: "gRPC" must not become "Grpc"); not a skill for
 * a phrase the vocabulary lists as none or one too long to be a skill. Null for nothing at all.
 */
export function canonicalSkill(phrase: string): CanonicalSkill | null {
  const text = phrase.replace(/\s+/g, " ").trim();
  if (skillKey(text) === "") return null;
  if (NOT_SKILLS.has(skillKey(text))) return { tag: skillTag(text), label: text, isSkill: false };
  const known = knownSkillLabel(text);
  if (known) return { tag: skillTag(known), label: known, isSkill: true };
  const isSkill = text.split(" ").length <= MAX_SKILL_WORDS && text.length <= MAX_SKILL_LENGTH;
  return { tag: skillTag(text), label: text, isSkill };
}

/**
 * How a stored tag is shown when only the tag is at hand (a profile's skills): the vocabulary's
 * spelling when it knows the tag, otherwise its words with the first letter raised.
 */
export function skillLabel(tag: string): string {
  const known = knownSkillLabel(tag);
  if (known) return known;
  const phrase = tag.replace(/-/g, " ");
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
