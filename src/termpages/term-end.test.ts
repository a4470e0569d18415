import { describe, expect, it } from "vitest";
import { parseTermPage } from "./parse.ts";

const NOW = new Date("2026-12-01T00:00:00Z");
const page = (title: string, rows: string[], extra = "") =>
  parseTermPage(`# ${title}\n\n${extra}| activity | date |\n| --- | --- |\n${rows.map((row) => `| ${row} |`).join("\n")}\n`, { now: NOW, year: 2025 });
const inferred = (parsed: ReturnType<typeof parseTermPage>) => parsed.findings.filter((f) => f.rule === "inferred-term-end").map((f) => f.message);

describe("a term whose last dates cannot be read takes its end from what the page does say", () => {
  it("ends an impossible day on the last day of the month it names", () => {
    // 2025 is no leap year: February ends on the 28th.
    const parsed = page("Term 01", ["Winter Term | January 16th - February 29th"]);
    expect(parsed.timeline[0]).toMatchObject({ start: "2025-01-16T08:00:00.000Z", end: "2025-03-01T08:00:00.000Z" });
    const leap = page("Term 01", ["Fall Term | September 1st - November 31st"]);
    expect(leap.timeline[0]?.end).toBe("2025-12-01T08:00:00.000Z");
    expect(inferred(leap)).toEqual([
      `"September 1st - November 31st": the term's end cannot be read; it is taken as November 30, 2025 (the last day of the month it names)`,
    ]);
  });

  it("takes the last date of the other phases when the last day is not a date", () => {
    const parsed = page("Term 01", ["Final mentee evaluations | May 24, 5:00 PM PDT", "Last day of term | TBD"]);
    expect(parsed.timeline[1]).toMatchObject({ kind: "end", text: "TBD", end: "2025-05-25T00:00:00.000Z" });
    expect(inferred(parsed)).toEqual([
      `"TBD": the term's end cannot be read; it is taken as May 24, 2025 (the last date of the other phases, "Final mentee evaluations")`,
    ]);
  });

  it("counts the duration from the start when nothing later is dated", () => {
    const duration = "Mentorship duration - three months (12 weeks - full-time schedule)\n\n";
    const parsed = page("Term 01", ["mentee applications open | February 1 - 21", "Spring Term | March 1st - Mayy 32nd"], duration);
    expect(parsed.timeline[1]?.end).toBe("2025-05-24T07:00:00.000Z");
    expect(inferred(parsed)).toEqual([
      `"March 1st - Mayy 32nd": the term's end cannot be read; it is taken as May 23, 2025 (12 weeks from March 1, 2025, as the duration says)`,
    ]);
    const months = page("Term 01", ["Spring Term | March 1st - Mayy 32nd"], "Mentorship duration - three months\n\n");
    expect(months.timeline[0]?.end).toBe("2025-06-01T07:00:00.000Z");
  });

  it("falls back on the title's last month and year", () => {
    const parsed = page("Term 01 - 2025 March - May", ["Last day of term | TBD"]);
    expect(parsed.timeline[0]?.end).toBe("2025-06-01T07:00:00.000Z");
    expect(inferred(parsed)).toEqual([`"TBD": the term's end cannot be read; it is taken as May 31, 2025 (the end of the title's last month)`]);
  });

  it("takes no end before the row's own start", () => {
    const parsed = page("Term 01 - 2025 March - May", ["Spring Term | March 5th - February 30th"]);
    expect(parsed.timeline[0]).toMatchObject({ start: "2025-03-05T08:00:00.000Z", end: "2025-06-01T07:00:00.000Z" });
    expect(inferred(parsed)).toEqual([
      `"March 5th - February 30th": the term's end cannot be read; it is taken as May 31, 2025 (the end of the title's last month)`,
    ]);
  });

  it("leaves the end unknown, with no guess, when the page says nothing that bounds it", () => {
    const parsed = page("Term 01", ["Last day of term | TBD"]);
    expect(parsed.timeline[0]).toMatchObject({ start: null, end: null });
    expect(inferred(parsed)).toEqual([]);
  });

  it("leaves readable rows and rows that do not end the term as they are", () => {
    const parsed = page("Term 01 - 2025 March - May", ["Midterm evaluations | April 31st", "Last day of term | May 30"]);
    expect(parsed.timeline.map((row) => row.end)).toEqual([null, "2025-05-31T07:00:00.000Z"]);
    expect(inferred(parsed)).toEqual([]);
  });
});
