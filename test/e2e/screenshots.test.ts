import fs from "node:fs";
import path from "node:path";
import { describe, test } from "vitest";
import { OPEN_TERM, PAST_TERM } from "../helpers/web-server.ts";
import { DESKTOP, PHONE, setupWebApp } from "./support.ts";

const app = setupWebApp();
const OUT = path.resolve(import.meta.dirname, "../../.tmp/screenshots");

const PAGES = [
  ["programs", "/"],
  ["program", `/programs/${OPEN_TERM.program}`],
  ["term", `/terms/${OPEN_TERM.term}`],
  ["term-complete", `/terms/${PAST_TERM.term}`],
  ["catalog", `/terms/${OPEN_TERM.term}/projects`],
  ["catalog-filtered", `/terms/${PAST_TERM.term}/projects?skill=go&page=2`],
  ["catalog-empty", `/terms/${OPEN_TERM.term}/projects?q=zzzz-nothing&skill=go`],
  ["project", `/projects/${OPEN_TERM.term}-harbor-cli`],
  ["project-closed", `/projects/${PAST_TERM.term}-harbor-cli`],
  ["not-found", "/no/such/page"],
] as const;

/**
 * Screenshots of every public page at 1280 and 390 px in light and dark, written to
 * .tmp/screenshots for people to look at; nothing is compared automatically.
 */
describe("screenshots", () => {
  test("every public page at 1280 and 390 px, light and dark", { timeout: 120_000 }, async () => {
    fs.mkdirSync(OUT, { recursive: true });
    for (const colorScheme of ["light", "dark"] as const) {
      for (const viewport of [DESKTOP, PHONE]) {
        const { page, open } = await app.newPage({ viewport, colorScheme });
        for (const [name, url] of PAGES) {
          await open(url);
          await page.screenshot({ path: path.join(OUT, `${name}-${viewport.width}-${colorScheme}.png`), fullPage: true });
        }
        if (viewport === PHONE) {
          await open(`/terms/${OPEN_TERM.term}/projects?skill=go`);
          await page.getByRole("button", { name: /Show filters/ }).click();
          await page.screenshot({ path: path.join(OUT, `catalog-filters-open-${viewport.width}-${colorScheme}.png`), fullPage: true });
        }
      }
    }
  });
});
