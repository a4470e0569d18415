// Spellings of one technology, mapped to its tag. Keys are lower-case.
const ALIASES: Record<string, string> = {
  golang: "go",
  "go-lang": "go",
  "go lang": "go",
  "go language": "go",
  "go programming": "go",
  "go programming language": "go",
  "go (golang)": "go",
  k8s: "kubernetes",
  kube: "kubernetes",
  js: "javascript",
  "java script": "javascript",
  ts: "typescript",
  reactjs: "react",
  "react.js": "react",
  "react js": "react",
  nodejs: "node.js",
  node: "node.js",
  "node js": "node.js",
  nextjs: "next.js",
  "next js": "next.js",
  vuejs: "vue",
  "vue.js": "vue",
  angularjs: "angular",
  python3: "python",
  "python 3": "python",
  rustlang: "rust",
  "rust language": "rust",
  "rust lang": "rust",
  cpp: "c++",
  "c plus plus": "c++",
  csharp: "c#",
  "c sharp": "c#",
  cicd: "ci-cd",
  "ci/cd": "ci-cd",
  "ci cd": "ci-cd",
  "ci/cd pipelines": "ci-cd",
  "github action": "github-actions",
  wasm: "webassembly",
  "web assembly": "webassembly",
  "shell scripting": "shell",
  "shell scripts": "shell",
  "shell script": "shell",
  scripting: "shell",
  "bash scripting": "bash",
  ml: "machine-learning",
  "machine learning": "machine-learning",
  llms: "llm",
  "large language models": "llm",
  html5: "html",
  css3: "css",
  "helm charts": "helm",
  "helm chart": "helm",
  postgres: "postgresql",
  "technical writing": "technical-writing",
  docs: "documentation",
  "docker compose": "docker-compose",
  ebpf: "ebpf",
  yml: "yaml",
};

// Parts of a phrase that qualify a skill rather than name it.
const LEADING = [
  /^(?:and|or|also|plus|with|etc\.?|the|a|an)\s+/i,
  /^(?:optional|optionally|preferred|bonus|nice[ -]to[ -]have|good[ -]to[ -]have|must know|must have|required)\s*:?\s*/i,
  /^(?:a |an |the )?(?:basic|some|good|strong|solid|deep|general|prior|working|hands-on|intermediate|advanced|proficient|excellent)\s+/i,
  /^(?:familiarity|knowledge|understanding|experience|proficiency|expertise|skills?|fluency|background|interest|comfort)\s+(?:with|of|in)\s+/i,
  /^(?:be )?(?:skilled|familiar|experienced|comfortable|proficient)\s+(?:in|with)\s+/i,
  /^(?:ability|willingness) to\s+/i,
];
const TRAILING =
  /\s+(?:is (?:highly |strongly )?(?:recommended|required|preferred|a must)|is a (?:big )?plus|would be (?:useful|helpful|nice|great|a plus)|is helpful|is preferred|preferred|nice to have|is a bonus|basics?|knowledge|skills?|experience|programming|language|etc\.?)$/i;

/** Turns one skill as written into its tag ("Golang" and "Go" are both "go"), or null when it is not a short skill name. */
export function normalizeSkill(raw: string): string | null {
  let text = raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
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
  const key = text.toLowerCase();
  // "that demonstrate your understanding", "this area are ideal": the rest of a sentence, not a skill.
  if (key === "" || /^etc\.?$/.test(key) || /^(?:that|which|this|these|those|who|where|when|how|if|to)\b/.test(key)) return null;
  const alias = ALIASES[key];
  if (alias) return alias;
  // Long phrases are sentences about the work, not tags; the text keeps them.
  if (key.split(" ").length > 4 || key.length > 40) return null;
  return key.replace(/\s+/g, "-");
}

/** Splits "Go/Python" into its parts unless the slash belongs to the name (CI/CD, TCP/IP). */
function splitSlashes(piece: string): string[] {
  if (!piece.includes("/") || ALIASES[piece.toLowerCase().trim()] || /^\s*(tcp|ai|ui|i)\/(ip|ml|ux|o)\s*$/i.test(piece)) {
    return [piece];
  }
  const parts = piece.split("/").map((part) => part.trim());
  return parts.every((part) => part !== "" && !part.includes(" ") && part.length <= 16) ? parts : [piece];
}

/** Derives the tags of a skills field from its Markdown, in the order written and without repeats. */
export function extractSkills(markdown: string): string[] {
  const text = markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]*>/g, " ")
    // Parenthesized remarks qualify the skill before them: "MongoDB (not required, but nice to have)".
    .replace(/\([^()]*\)/g, " ")
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, "\n");
  const tags: string[] = [];
  for (const clause of text.split(/[,;\n]|\s+(?:and|or|&|\+)\s+|\.\s+/)) {
    for (const piece of splitSlashes(clause)) {
      const tag = normalizeSkill(piece);
      if (tag && !tags.includes(tag)) tags.push(tag);
    }
  }
  return tags;
}
