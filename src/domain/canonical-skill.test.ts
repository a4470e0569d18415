import { describe, expect, it } from "vitest";
import { canonicalSkill, knownSkillLabel, skillKey, skillLabel, skillTag } from "./canonical-skill.ts";
import { SKILL_LANGUAGES } from "./skill-languages.ts";
import { SKILL_VOCABULARY } from "./skill-vocabulary.ts";

const label = (phrase: string) => canonicalSkill(phrase)?.label;

describe("canonicalSkill", () => {
  it("spells CNCF projects, tools and practices as they are named, however a page cases them", () => {
    expect(canonicalSkill("Coredns")).toEqual({ tag: "coredns", label: "CoreDNS", isSkill: true });
    expect(["Devops", "DEVOPS", "devops"].map(label)).toEqual(["DevOps", "DevOps", "DevOps"]);
    expect(["Opa", "Kubeedge", "Lsp", "grpc", "github actions"].map(label)).toEqual(["Open Policy Agent", "KubeEdge", "LSP", "gRPC", "GitHub Actions"]);
  });

  it("reads spaces, hyphens and dots as the same name", () => {
    expect(["e BPF", "eBPF", "ebpf", "E-BPF", "bpf"].map(label)).toEqual(["eBPF", "eBPF", "eBPF", "eBPF", "eBPF"]);
    expect(["nodejs", "Node JS", "node.js"].map(label)).toEqual(["Node.js", "Node.js", "Node.js"]);
    expect(["ci-cd", "CI/CD", "cicd"].map(label)).toEqual(["CI/CD", "CI/CD", "CI/CD"]);
  });

  it("maps aliases to their entry", () => {
    expect(canonicalSkill("golang")).toEqual({ tag: "go", label: "Go", isSkill: true });
    expect(canonicalSkill("k8s")).toEqual({ tag: "kubernetes", label: "Kubernetes", isSkill: true });
    expect(label("spf13/cobra")).toBe("Cobra");
    expect(label("Helm charts")).toBe("Helm");
    expect(label("container image")).toBe("Containers");
  });

  it("knows programming languages from GitHub Linguist, with their aliases", () => {
    expect(["haskell", "ZIG", "objective-c", "csharp", "cpp", "python3"].map(label)).toEqual(["Haskell", "Zig", "Objective-C", "C#", "C++", "Python"]);
    // Where a Linguist alias means something else here, the vocabulary wins.
    expect(["node", "bash", "terraform"].map(label)).toEqual(["Node.js", "Bash", "Terraform"]);
  });

  it("keeps a phrase it does not know as written, never re-cased", () => {
    expect(canonicalSkill("kubectl")).toEqual({ tag: "kubectl", label: "kubectl", isSkill: true });
    expect(canonicalSkill("Linux storage")).toEqual({ tag: "linux-storage", label: "Linux storage", isSkill: true });
    expect(canonicalSkill("OpenVINO  toolkit")).toEqual({ tag: "openvino-toolkit", label: "OpenVINO toolkit", isSkill: true });
  });

  it("marks phrases that are no skill, keeping them as written", () => {
    expect(canonicalSkill("passion for DevEx")).toEqual({ tag: "passion-for-devex", label: "passion for DevEx", isSkill: false });
    expect(canonicalSkill("Quickly ramp up")).toMatchObject({ label: "Quickly ramp up", isSkill: false });
    expect(canonicalSkill("Verbal")).toMatchObject({ isSkill: false });
    expect(canonicalSkill("experience participating in an open source community")).toMatchObject({ isSkill: false });
  });

  it("answers nothing for an empty phrase", () => {
    expect(canonicalSkill("")).toBeNull();
    expect(canonicalSkill(" - ")).toBeNull();
  });
});

describe("skill tags and labels", () => {
  it("makes a tag of a label", () => {
    expect(["CI/CD", "Node.js", "Technical writing", "C++", "eBPF"].map(skillTag)).toEqual(["ci-cd", "node.js", "technical-writing", "c++", "ebpf"]);
  });

  it("shows a stored tag with the vocabulary's spelling, else as its words", () => {
    expect(["ebpf", "github-actions", "technical-writing", "ci-cd"].map(skillLabel)).toEqual(["eBPF", "GitHub Actions", "Technical writing", "CI/CD"]);
    expect(skillLabel("linux-storage")).toBe("Linux storage");
  });
});

describe("the vocabulary", () => {
  const { cncfProjects, tools, practices, aliases, notSkills } = SKILL_VOCABULARY;
  const names = [...cncfProjects, ...tools, ...practices];
  const languages = new Set(SKILL_LANGUAGES.map(([name]) => name));

  it("lists each name once, in one spelling", () => {
    const keys = names.map(skillKey);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it("points every alias at a name it lists or a Linguist language", () => {
    const unknown = Object.entries(aliases).filter(([, name]) => !(names as readonly string[]).includes(name) && !languages.has(name));
    expect(unknown).toEqual([]);
  });

  it("never lists a phrase both as a skill and as no skill", () => {
    expect(notSkills.filter((phrase) => knownSkillLabel(phrase) !== undefined)).toEqual([]);
  });
});
