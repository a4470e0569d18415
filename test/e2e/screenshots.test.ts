import fs from "node:fs";
import path from "node:path";
import { describe, test } from "vitest";
import { OPEN_TERM, PAST_TERM } from "../helpers/web-server.ts";
import { DESKTOP, expectSoundPage, PHONE, setupWebApp } from "./support.ts";

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
 * .tmp/screenshots for people to look at; each page is also checked for what a person would
 * notice (its heading, nothing scrolling sideways, no error), though pixels are not compared.
 */
describe("screenshots", () => {
  test("every public page at 1280 and 390 px, light and dark", { timeout: 120_000 }, async () => {
    fs.mkdirSync(OUT, { recursive: true });
    for (const colorScheme of ["light", "dark"] as const) {
      for (const viewport of [DESKTOP, PHONE]) {
        const shown = await app.newPage({ viewport, colorScheme });
        const { page, open } = shown;
        for (const [name, url] of PAGES) {
          await open(url);
          await page.screenshot({ path: path.join(OUT, `${name}-${viewport.width}-${colorScheme}.png`), fullPage: true });
          await expectSoundPage(shown, `${name} at ${viewport.width} px, ${colorScheme}`);
        }
        if (viewport === PHONE) {
          await open(`/terms/${OPEN_TERM.term}/projects?skill=go`);
          await page.getByRole("button", { name: /Show filters/ }).click();
          await page.getByRole("button", { name: /Hide filters/ }).waitFor();
          await page.screenshot({ path: path.join(OUT, `catalog-filters-open-${viewport.width}-${colorScheme}.png`), fullPage: true });
          await expectSoundPage(shown, `catalog with its filters open at ${viewport.width} px, ${colorScheme}`);
        }
      }
    }
  });
});
