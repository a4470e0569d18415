import { describe, expect, it } from "vitest";
import { markdownSummary, renderMarkdown, renderProjectText } from "./render-markdown.ts";

/** CPU milliseconds `work` takes: steadier than the clock on a busy machine. */
function cpuMs(work: () => unknown): number {
  const before = process.cpuUsage();
  work();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

describe("markdownSummary", () => {
  it("keeps the words of links, drops images, tags and the contents of scripts and styles", () => {
    expect(markdownSummary("Hello <script>window.x=1</script> [click](javascript:x) ![logo](a.png) <b>bold</b> *and* `code`.")).toBe(
      "Hello click bold and code .",
    );
    expect(markdownSummary("<STYLE type=x>p{}</style >Before <script>a</script> after")).toBe("Before after");
    expect(markdownSummary(`${"word ".repeat(100)}`)).toMatch(/^(word ){43}word…$/);
  });

  // 100,000 "[" took 4.3 s: every "[" rescanned the rest of the text.
  it.each([
    ["[", "[".repeat(100_000)],
    ["<", "<".repeat(100_000)],
    ["![", "![".repeat(50_000)],
    ["[a](", "[a](".repeat(25_000)],
    ["<script>", "<script>".repeat(12_500)],
    ["<style><script>", "<style><script>x</style>".repeat(4_000)],
  ])("summarises 100,000 characters of %s in well under a second", (_name, text) => {
    expect(cpuMs(() => markdownSummary(text))).toBeLessThan(1000);
  });
});

describe("renderMarkdown", () => {
  it("shows text nested too deep to parse as escaped text, without throwing", () => {
    let html = "";
    expect(cpuMs(() => (html = renderMarkdown(`${">".repeat(5000)} <b>x</b>`)))).toBeLessThan(1000);
    expect(html).toBe(`<p>${"&gt;".repeat(5000)} &lt;b&gt;x&lt;/b&gt;</p>`);
  });

  it("still links bare URLs, in well under a second even when a URL ends in 20,000 dots", () => {
    expect(renderMarkdown("See https://example.org/a. and www.example.org")).toBe(
      '<p>See <a href="https://example.org/a">https://example.org/a</a>. and <a href="http://www.example.org">www.example.org</a></p>',
    );
    expect(cpuMs(() => renderMarkdown(`https://example.org/x${".".repeat(19_000)}a`))).toBeLessThan(1000);
  });

  it("renders a project's text once for storing: both fields and the card summary", () => {
    expect(renderProjectText({ description: "Add **eBPF** [support](https://example.org).", expectedOutcome: "" })).toEqual({
      descriptionHtml: '<p>Add <strong>eBPF</strong> <a href="https://example.org">support</a>.</p>',
      expectedOutcomeHtml: "",
      summary: "Add eBPF support.",
    });
  });
});
