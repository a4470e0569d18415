import { AxeBuilder } from "@axe-core/playwright";
import { describe, expect, test } from "vitest";
import { OPEN_TERM, PAST_TERM } from "../helpers/web-server.ts";
import { PHONE, setupWebApp } from "./support.ts";

/** Every public page; the phone width is checked too where the layout changes most. */
const PAGES: Array<{ name: string; path: string; phone?: boolean }> = [
  { name: "programs", path: "/" },
  { name: "program", path: `/programs/${OPEN_TERM.program}` },
  { name: "term", path: `/terms/${OPEN_TERM.term}`, phone: true },
  { name: "complete term", path: `/terms/${PAST_TERM.term}` },
  { name: "catalog", path: `/terms/${OPEN_TERM.term}/projects?skill=go`, phone: true },
  { name: "empty catalog", path: `/terms/${OPEN_TERM.term}/projects?q=zzzz-nothing` },
  { name: "paged catalog", path: `/terms/${PAST_TERM.term}/projects?page=2` },
  { name: "project", path: `/projects/${OPEN_TERM.term}-harbor-cli`, phone: true },
  { name: "closed project", path: `/projects/${PAST_TERM.term}-harbor-cli` },
  { name: "not found", path: "/no/such/page" },
];

/**
 * Runs axe (WCAG 2.1 A and AA plus best practices) on every public page in one colour
 * scheme and expects no serious or critical violation. One file per scheme, so they run in parallel.
 */
export function describeAxeChecks(colorScheme: "light" | "dark"): void {
  const app = setupWebApp();
  describe(`accessibility in the ${colorScheme} theme`, () => {
    test.each(PAGES)("the $name page has no serious or critical axe violation", async ({ path, phone }) => {
      for (const viewport of phone ? [undefined, PHONE] : [undefined]) {
        const { page, open, errors } = await app.newPage({ colorScheme, ...(viewport ? { viewport } : {}) });
        await open(path);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
          .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
        expect(serious, `${path} at ${viewport ? PHONE.width : 1280} px`).toEqual([]);
        expect(errors).toEqual([]);
      }
    });
  });
}
