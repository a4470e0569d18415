import { describe, expect, it } from "vitest";
import { draftReminderMessage } from "./application-draft-reminder.ts";

const deadline = new Date("2026-03-08T01:00:00.000Z");
const hostile = `Kestrel <script>alert("x")</script> & co`;
const input = {
  baseUrl: "https://cohort.example.org/base/",
  name: "Ada",
  termTitle: "Term 02",
  termTimeZone: "America/Los_Angeles",
  readerTimeZone: null,
  deadline,
  now: new Date(deadline.getTime() - 40 * 60_000),
};

describe("the draft reminder email", () => {
  it("links the draft's form under the base path and says the time left as it is", () => {
    const message = draftReminderMessage({ ...input, drafts: [{ projectSlug: "kestrel-cli", projectTitle: "Kestrel CLI" }] });
    expect(message.actionUrl).toBe("https://cohort.example.org/base/projects/kestrel-cli/apply");
    expect(message.text).toContain("applications close in 40 minutes, on Sat 7 Mar 2026 at 17:00 PST.");
    expect(message.html).toContain('href="https://cohort.example.org/base/projects/kestrel-cli/apply"');
  });

  it("escapes project titles in HTML, and lists each draft's link in the plain text", () => {
    const drafts = [
      { projectSlug: "a", projectTitle: hostile },
      { projectSlug: "b", projectTitle: "Saltbox" },
    ];
    const message = draftReminderMessage({ ...input, drafts });
    expect(message.html).not.toContain("<script>");
    expect(message.html).toContain("Kestrel &lt;script&gt;");
    expect(message.text).toContain(
      `"${hostile}": https://cohort.example.org/base/projects/a/apply\n"Saltbox": https://cohort.example.org/base/projects/b/apply`,
    );
    expect(message.actionUrl).toBe("https://cohort.example.org/base/applications");
  });
});
