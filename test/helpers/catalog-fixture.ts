import { importTermPage } from "../../src/commands/term-pages/import-term-page.ts";
import { seedDemoIfEmpty } from "../../src/demo/seed-demo.ts";
import type { DatabaseHandle } from "../../src/storage/database.ts";
import { parseTermPage } from "../../src/termpages/index.ts";

/** The day the fixture's demo terms are placed around: applications of term 02 are open then. */
export const FIXTURE_TODAY = new Date("2026-03-02T20:00:00.000Z");

/** A term page whose only project carries script, event-handler and javascript: payloads. */
export const HOSTILE_PAGE = `# Term 01 - 2026 March - May

Status: Accepting applications

### Timeline

| activity | date |
| --- | --- |
| mentee applications open | Monday Feb 2 - Tues Mar 31, 2026, 5:00 PM PDT |

## Accepted projects

- [Mallory](#mallory)
  - [Hostile description](#hostile-description)

### Mallory

#### Hostile description

- Description: Hello <script>window.__xss=1</script> <img src=x onerror="window.__xss=2"> [click](javascript:window.__xss=3) and [safe](https://example.org/safe).
- Expected Outcome: <iframe src="https://evil.example"></iframe> Nothing.
- Recommended Skills: Go
- Mentor(s):
  - Mallory Evil (mallory-demo)
- Upstream Issue: javascript:alert(1)
- LFX URL: javascript:alert(2)
`;

/**
 * Fills a database as a visitor would find it: the demo program placed around
 * FIXTURE_TODAY, plus a separate program holding the hostile page.
 */
export async function seedCatalogFixture(database: DatabaseHandle): Promise<void> {
  await seedDemoIfEmpty(database, FIXTURE_TODAY);
  await importTermPage({
    database,
    page: parseTermPage(HOSTILE_PAGE, { fileName: "hostile.md", now: FIXTURE_TODAY }),
    programSlug: "hostile",
    termSlug: "hostile-2026",
    projectState: "accepted",
    actor: { personId: null, label: "test" },
    now: FIXTURE_TODAY,
  });
}
