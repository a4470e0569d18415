import { describe, expect, it } from "vitest";
import { extractSkills, normalizeSkill, readSkills, skillLabels } from "./skills.ts";

// The labels of a skills field as a visitor reads them; a phrase that is no skill in brackets.
const read = (markdown: string) => readSkills(markdown).map((skill) => (skill.isSkill ? skill.label : `[${skill.label}]`));

describe("normalizeSkill", () => {
  it("maps spellings of one technology to one tag", () => {
    expect(normalizeSkill("Golang")).toBe("go");
    expect(normalizeSkill("Go")).toBe("go");
    expect(normalizeSkill("golang (required)")).toBe("go");
    expect(normalizeSkill("K8s")).toBe("kubernetes");
    expect(normalizeSkill("React.js")).toBe("react");
    expect(normalizeSkill("CI/CD")).toBe("ci-cd");
    expect(normalizeSkill("Technical Writing")).toBe("technical-writing");
    expect(normalizeSkill("C++")).toBe("c++");
  });

  it("drops qualifiers around the skill", () => {
    expect(normalizeSkill("basic familiarity with Kubernetes")).toBe("kubernetes");
    expect(normalizeSkill("some familiarity with Prometheus")).toBe("prometheus");
    expect(normalizeSkill("Experience with Figma is a big plus.")).toBe("figma");
    expect(normalizeSkill("Go programming language experience")).toBe("go");
  });

  it("refuses sentences and phrases that are no skill, which the text keeps", () => {
    expect(normalizeSkill("Should be able to install and run Vitess according to the user guides")).toBeNull();
    expect(normalizeSkill("passion for DevEx")).toBeNull();
    expect(normalizeSkill("etc.")).toBeNull();
    expect(normalizeSkill("  ")).toBeNull();
  });
});

describe("readSkills", () => {
  it("splits inline lists, slashes and nested bullets, without repeats", () => {
    expect(extractSkills("Golang, Kubernetes, Go, k8s")).toEqual(["go", "kubernetes"]);
    expect(extractSkills("Go/Python, MongoDB (not required, but nice to have)")).toEqual(["go", "python", "mongodb"]);
    expect(read("- Be skilled in React/Vite/TypeScript.\n- Must know how to simply use Docker and docker-compose.")).toEqual([
      "React",
      "Vite",
      "TypeScript",
      "Docker",
    ]);
    expect(read("familiarity with [sigstore](https://www.sigstore.dev/) and GCP & AWS")).toEqual(["Sigstore", "GCP", "AWS"]);
  });

  it("keeps a slash that belongs to a name", () => {
    expect(read("Golang, spf13/cobra")).toEqual(["Go", "Cobra"]);
    expect(read("Go, scripting, CI/CD (GitHub Actions)")).toEqual(["Go", "Shell scripting", "CI/CD"]);
  });

  it("spells every known skill properly and keeps unknown ones as written", () => {
    expect(read("Kubernetes, Devops, coredns, OPA, kubeedge, lsp, e BPF, BPF")).toEqual([
      "Kubernetes",
      "DevOps",
      "CoreDNS",
      "Open Policy Agent",
      "KubeEdge",
      "LSP",
      "eBPF",
    ]);
    expect(read("Go, OpenVINO, kubectl")).toEqual(["Go", "OpenVINO", "kubectl"]);
  });

  it("reads examples closed by etc. as examples of the skill before them, not skills of their own", () => {
    expect(read("written English, familiarity with any number of other CNCF projects, like Prometheus, CoreDNS, Istio, etc., Jekyll")).toEqual([
      "Communication",
      "Cloud native",
      "Jekyll",
    ]);
    expect(read("some familiarity with Prometheus or metrics, like Grafana")).toEqual(["Prometheus", "Observability", "Grafana"]);
  });

  it("marks phrases that are no skill, as written", () => {
    expect(read("Go, Kubernetes, Crossplane, CLI tools, passion for DevEx")).toEqual(["Go", "Kubernetes", "Crossplane", "CLI", "[passion for DevEx]"]);
    expect(read("some basic working knowlegde of Cilium or the willingness to quickly ramp up")).toEqual(["Cilium", "[quickly ramp up]"]);
    expect(read("- Excellent verbal and written communication skills.\n- Website development skills are a plus.")).toEqual([
      "[verbal]",
      "Communication",
      "Web development",
    ]);
  });

  it("reads a skill under a heading or with a remark about how much it matters", () => {
    expect(read("- Frontend Development: Node.js, React, Vite, and REST API integration.")).toEqual(["Node.js", "React", "Vite", "REST APIs"]);
    expect(read("LitmusChaos is a plus but not required, Ideally Go, [Bonus] Familiarity with Python, React +++")).toEqual([
      "LitmusChaos",
      "Go",
      "Python",
      "React",
    ]);
    expect(read("Golang, unit and feature testing, Kubernetes and its services")).toEqual(["Go", "Testing", "Kubernetes"]);
  });

  it("joins a phrase wrapped onto the next line", () => {
    expect(read("Go programming, strong container architecture and registry\nfundamentals")).toEqual(["Go", "Containers", "OCI"]);
    expect(read("Go\nKubernetes")).toEqual(["Go", "Kubernetes"]);
  });
});

describe("a hostile skills field", () => {
  // Each took from 10 s to minutes when every word was stripped off a copy of the whole clause.
  it.each([
    ["the same qualifier over and over", "a ".repeat(60_000)],
    ["examples never closed by etc.", "like ".repeat(40_000)],
    ["links never closed", "[a](".repeat(30_000)],
  ])("is read in bounded time: %s", (_name, markdown) => {
    const before = process.cpuUsage();
    const skills = readSkills(markdown);
    const spent = process.cpuUsage(before);
    // CPU time with a wide margin: a busy machine reads these in well under a second.
    expect((spent.user + spent.system) / 1000).toBeLessThan(5000);
    expect(skills.filter((skill) => skill.isSkill).length).toBeLessThanOrEqual(1);
  });
});

describe("skillLabels", () => {
  it("gives each tag of a field its label, for the import to store", () => {
    expect(skillLabels("coredns, golang, Linux storage")).toEqual(
      new Map([
        ["coredns", "CoreDNS"],
        ["go", "Go"],
        ["linux-storage", "Linux storage"],
      ]),
    );
    expect(skillLabels(null)).toEqual(new Map());
  });
});
