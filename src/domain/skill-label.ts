/** Proper spellings of common skill tags; any other tag reads as a sentence-case phrase. */
const KNOWN_LABELS: Record<string, string> = {
  go: "Go",
  golang: "Go",
  rust: "Rust",
  python: "Python",
  java: "Java",
  c: "C",
  "c++": "C++",
  cpp: "C++",
  typescript: "TypeScript",
  javascript: "JavaScript",
  nodejs: "Node.js",
  "node-js": "Node.js",
  react: "React",
  kubernetes: "Kubernetes",
  docker: "Docker",
  helm: "Helm",
  ebpf: "eBPF",
  wasm: "WebAssembly",
  webassembly: "WebAssembly",
  grpc: "gRPC",
  graphql: "GraphQL",
  html: "HTML",
  css: "CSS",
  sql: "SQL",
  postgresql: "PostgreSQL",
  mysql: "MySQL",
  yaml: "YAML",
  json: "JSON",
  api: "API",
  rest: "REST",
  "ci-cd": "CI/CD",
  ci: "CI",
  git: "Git",
  github: "GitHub",
  "github-actions": "GitHub Actions",
  linux: "Linux",
  opentelemetry: "OpenTelemetry",
  prometheus: "Prometheus",
  grafana: "Grafana",
  llm: "LLM",
  ai: "AI",
  ml: "ML",
  markdown: "Markdown",
  cncf: "CNCF",
  aws: "AWS",
  gcp: "GCP",
  azure: "Azure",
};

/** How a skill tag is shown: "ebpf" → "eBPF", "technical-writing" → "Technical writing". */
export function skillLabel(tag: string): string {
  const known = KNOWN_LABELS[tag];
  if (known) return known;
  const words = tag.split("-").map((word) => KNOWN_LABELS[word] ?? word);
  const phrase = words.join(" ");
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
