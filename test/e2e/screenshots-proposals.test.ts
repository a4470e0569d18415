import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, test } from "vitest";
import { PROPOSAL_PAGES, PROVOKED_PROPOSAL_REFUSALS, stateFor } from "./proposal-axe.ts";
import { type ProposalFixtures, prepareProposalFixtures } from "./proposal-fixtures.ts";
import { DESKTOP, expectSoundPage, PHONE, setupWebApp } from "./support.ts";

const app = setupWebApp();
const OUT = path.resolve(import.meta.dirname, "../../.tmp/screenshots");

function fileName(name: string): string {
  return name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
}

/**
 * Screenshots of every proposal page, in the states the accessibility checks use, at 1280 and
 * 390 px in light and dark, written to .tmp/screenshots for people to look at; each is also
 * checked for its heading, nothing scrolling sideways and no error.
 */
describe("screenshots of the proposal pages", () => {
  let fixtures: ProposalFixtures | undefined;
  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    fixtures = await prepareProposalFixtures(app);
  });

  const views = (["light", "dark"] as const).flatMap((colorScheme) => [DESKTOP, PHONE].map((viewport) => ({ colorScheme, viewport, width: viewport.width })));
  test.each(views)("every proposal page at $width px in the $colorScheme theme", { timeout: 300_000 }, async ({ colorScheme, viewport }) => {
    if (!fixtures) throw new Error("fixtures missing");
    for (const entry of PROPOSAL_PAGES) {
      const shown = await app.newPage({ viewport, colorScheme, ...stateFor(fixtures, entry.as) });
      await shown.open(entry.path(fixtures));
      await entry.act?.(shown.page);
      await shown.page.screenshot({ path: path.join(OUT, `proposal-${fileName(entry.name)}-${viewport.width}-${colorScheme}.png`), fullPage: true });
      await expectSoundPage(shown, `${entry.name} at ${viewport.width} px, ${colorScheme}`, PROVOKED_PROPOSAL_REFUSALS);
      await shown.context.close();
    }
  });
});
