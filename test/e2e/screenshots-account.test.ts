import fs from "node:fs";
import path from "node:path";
import { describe, test } from "vitest";
import { ACCOUNT_PAGES, PROVOKED_REFUSALS } from "./account-axe.ts";
import { prepareAccountFixtures } from "./account-fixtures.ts";
import { DESKTOP, expectSoundPage, PHONE, setupWebApp } from "./support.ts";

const app = setupWebApp();
const OUT = path.resolve(import.meta.dirname, "../../.tmp/screenshots");

function fileName(name: string): string {
  return name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
}

/**
 * Screenshots of every account and admin page, in the states the accessibility checks use,
 * at 1280 and 390 px in light and dark, written to .tmp/screenshots for people to look at; each
 * is also checked for its heading, nothing scrolling sideways and no error.
 */
describe("screenshots of the account and admin pages", () => {
  test("every account and admin page at 1280 and 390 px, light and dark", { timeout: 240_000 }, async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const fixtures = await prepareAccountFixtures(app);
    for (const colorScheme of ["light", "dark"] as const) {
      for (const viewport of [DESKTOP, PHONE]) {
        for (const as of ["visitor", "admin"] as const) {
          const shown = await app.newPage({ viewport, colorScheme, ...(as === "admin" ? { storageState: fixtures.admin } : {}) });
          const { page, open } = shown;
          for (const entry of ACCOUNT_PAGES.filter((candidate) => candidate.as === as)) {
            await open(entry.path(fixtures));
            await entry.act?.(page);
            await page.screenshot({ path: path.join(OUT, `account-${fileName(entry.name)}-${viewport.width}-${colorScheme}.png`), fullPage: true });
            await expectSoundPage(shown, `${entry.name} at ${viewport.width} px, ${colorScheme}`, PROVOKED_REFUSALS);
          }
        }
      }
    }
  });
});
