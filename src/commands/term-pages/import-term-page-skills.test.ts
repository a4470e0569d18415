import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, sharedCorpusDir } from "../../../test/fixtures/termpages/index.ts";
import { openMigratedTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { knownSkillLabel } from "../../domain/canonical-skill.ts";
import { slugify } from "../../domain/slug.ts";
import { VISITOR } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findProjectWithDetails } from "../../storage/repos/project-repo.ts";
import { parseTermPage } from "../../termpages/index.ts";
import { searchPublicCatalog } from "../catalog/search-public-catalog.ts";
import { importTermPage } from "./import-term-page.ts";

const NOW = new Date("2026-12-01T12:00:00Z");
const PAGE = "2024/02-Jun-Aug/README.md";

// The real page: the fixture is a copy of the corpus page, which this test reads when it is there.
const corpus = sharedCorpusDir();
const markdown = corpus ? readFileSync(path.join(corpus, "cncf-mentoring/programs/lfx-mentorship", PAGE), "utf8") : fixture(PAGE);

// Every skill of the term's 48 projects as the catalog offers them: 96 tags before the vocabulary.
const TERM_SKILLS = [
  "Ansible",
  "Artifact Hub",
  "Backstage",
  "C++",
  "CI/CD",
  "Cilium",
  "CLI",
  "Cloud infrastructure",
  "Cloud native",
  "Cobra",
  "Communication",
  "Containers",
  "Copacetic",
  "Crossplane",
  "CSS",
  "DevOps",
  "Docker",
  "Figma",
  "GitHub Actions",
  "Go",
  "gRPC",
  "Helm",
  "HTML",
  "Java",
  "JavaScript",
  "Jekyll",
  "Jenkins",
  "KubeEdge",
  "Kubernetes",
  "Linux",
  "LlamaEdge",
  "LLMs",
  "LSP",
  "Markdown",
  "Material for MkDocs",
  "Meshery",
  "Next.js",
  "Node.js",
  "Observability",
  "OCI",
  "Playwright",
  "Prometheus",
  "Python",
  "React",
  "REST APIs",
  "Rust",
  "Security",
  "Service mesh",
  "Shell scripting",
  "Sigstore",
  "SVG",
  "Technical writing",
  "Thanos",
  "Trivy",
  "TypeScript",
  "UX design",
  "Vite",
  "Web development",
  "WebAssembly",
];

describe.each(testDialects())("skills of an imported term on %s", (dialect) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  const importPage = (text: string) =>
    importTermPage({
      database: handle,
      page: parseTermPage(text, { fileName: PAGE, now: NOW }),
      programSlug: "cncf-lfx",
      termSlug: "2024-02-jun-aug",
      projectState: "accepted",
      actor: { personId: null, label: "test" },
      now: NOW,
    });
  const facets = async () => (await searchPublicCatalog(handle, "2024-02-jun-aug", { skill: [], org: [], page: 1, limit: 10 }, VISITOR)).skills;

  beforeAll(async () => {
    ({ handle, dispose } = await openMigratedTestDatabase(dialect));
    await importPage(markdown);
  });
  afterAll(() => dispose());

  it("the 2024 June–August catalog offers fewer than 60 skills, each a skill and each spelt properly", async () => {
    const skills = await facets();
    const labels = skills.map((skill) => skill.label).sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
    expect(labels).toEqual(TERM_SKILLS);
    expect(labels.length).toBeLessThan(60);
    expect(labels.filter((label) => knownSkillLabel(label) !== label)).toEqual([]);
    expect(skills.find((skill) => skill.name === "go")).toEqual({ name: "go", label: "Go", count: 24 });
  });

  it("a project keeps a phrase that is no skill as written, outside its skills and the facets", async () => {
    const project = await findProjectWithDetails(handle.db, `2024-02-jun-aug-${slugify("Make Crossplane Easy - Improving the Developer Experience")}`);
    expect(project?.skills.map((skill) => skill.label)).toEqual(["Go", "Kubernetes", "Crossplane", "CLI"]);
    expect(project?.skillsText).toBe("Go, Kubernetes, Crossplane, CLI tools, passion for DevEx");
    expect((await facets()).some((skill) => /devex/i.test(skill.label))).toBe(false);
  });

  it("importing the page again corrects a label stored in an older spelling", async () => {
    await handle.db.updateTable("skills").set({ label: "Coredns-like" }).where("tag", "=", "devops").execute();
    await importPage(markdown);
    expect((await facets()).find((skill) => skill.name === "devops")).toMatchObject({ label: "DevOps" });
  });
});
