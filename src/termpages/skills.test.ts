import { describe, expect, it } from "vitest";
import { extractSkills, normalizeSkill } from "./skills.ts";

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

  it("refuses sentences, which the text keeps", () => {
    expect(normalizeSkill("Should be able to install and run Vitess according to the user guides")).toBeNull();
    expect(normalizeSkill("etc.")).toBeNull();
    expect(normalizeSkill("  ")).toBeNull();
  });
});

describe("extractSkills", () => {
  it("splits inline lists, slashes and nested bullets, without repeats", () => {
    expect(extractSkills("Golang, Kubernetes, Go, k8s")).toEqual(["go", "kubernetes"]);
    expect(extractSkills("Go/Python, MongoDB (not required, but nice to have)")).toEqual(["go", "python", "mongodb"]);
    expect(extractSkills("- Rust language\n- LlamaEdge\n- llama.cpp")).toEqual(["rust", "llamaedge", "llama.cpp"]);
    expect(extractSkills("Javascript, VueJS, CSS, HTML & general design skills")).toEqual(["javascript", "vue", "css", "html", "design"]);
    expect(extractSkills("familiarity with [sigstore](https://www.sigstore.dev/) and GCP & AWS")).toEqual(["sigstore", "gcp", "aws"]);
  });
});
