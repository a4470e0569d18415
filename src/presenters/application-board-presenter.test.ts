import { describe, expect, it } from "vitest";
import type { TermApplicationRow } from "../storage/schema.ts";
import { presentTermApplicationsCsv } from "./application-board-presenter.ts";

const BASE = "https://cohort.example.org";

/** An application row of the export, with the fields a test cares about. */
function row(fields: Partial<TermApplicationRow>): TermApplicationRow {
  return {
    id: 7,
    state: "submitted",
    submittedAt: "2026-03-02T19:59:59.999Z",
    updatedAt: "2026-03-02T19:59:59.999Z",
    applicantName: "Ada Lovelace",
    applicantEmail: "ada@example.org",
    githubHandle: "ada",
    pronouns: null,
    country: null,
    timeZone: null,
    projectSlug: "term-engine",
    projectTitle: "The engine",
    organizationSlug: "babbage",
    organizationName: "Babbage",
    eligibility: "eligible",
    coverLetter: "Hello",
    links: "[]",
    ...fields,
  };
}

/** The export's cells, record by record, read back by the RFC 4180 rules (quoted fields, doubled quotes, CRLF between records). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      i += 1;
    } else cell += char;
  }
  return records;
}

const cellsOf = (rows: TermApplicationRow[]) => parseCsv(presentTermApplicationsCsv({ term: { slug: "2026-term" }, rows }, BASE).csv);

describe("the CSV export of a term's applications", () => {
  it("has a header row, CRLF after every record and is named after the term", () => {
    const { fileName, csv } = presentTermApplicationsCsv({ term: { slug: "2026-term" }, rows: [row({})] }, BASE);
    expect(fileName).toBe("2026-term-applications.csv");
    expect(csv.split("\r\n")).toHaveLength(3);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(csv.startsWith("id,state,submitted_at,")).toBe(true);
    expect(cellsOf([row({})])[1]?.at(-1)).toBe(`${BASE}/applications/7`);
  });

  it("quotes a field with a comma, a quote or a line break and doubles its quotes", () => {
    const letter = 'I said "hello",\r\nthen left.\nBye';
    const { csv } = presentTermApplicationsCsv({ term: { slug: "t" }, rows: [row({ applicantName: "Lovelace, Ada", coverLetter: letter })] }, BASE);
    expect(csv).toContain(',"Lovelace, Ada",');
    expect(csv).toContain('"I said ""hello"",\r\nthen left.\nBye"');
    const [, record] = cellsOf([row({ applicantName: "Lovelace, Ada", coverLetter: letter })]);
    expect(record?.[4]).toBe("Lovelace, Ada");
    expect(record?.[15]).toBe(letter);
  });

  it("neutralizes every cell a spreadsheet would run as a formula with a leading apostrophe", () => {
    const attacks = ['=HYPERLINK("https://evil.example","x")', "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"];
    const [, ...records] = cellsOf(attacks.map((attack, index) => row({ id: index + 1, applicantName: attack, githubHandle: attack, coverLetter: attack })));
    expect(records.map((record) => [record[4], record[6], record[15]])).toEqual(attacks.map((attack) => [`'${attack}`, `'${attack}`, `'${attack}`]));
    // A formula character inside a cell is text already: only the first character makes a formula.
    expect(cellsOf([row({ applicantName: "Ada =1+1" })])[1]?.[4]).toBe("Ada =1+1");
  });

  it("keeps non-ASCII text as UTF-8", () => {
    const [, record] = cellsOf([row({ applicantName: "Zoë Ünal 日本語", coverLetter: "Ça va — très bien 👍" })]);
    expect([record?.[4], record?.[15]]).toEqual(["Zoë Ünal 日本語", "Ça va — très bien 👍"]);
  });

  it("lists an application's links separated by spaces", () => {
    const [, record] = cellsOf([row({ links: JSON.stringify(["https://a.example/pr/1", "https://b.example/doc"]) })]);
    expect(record?.[14]).toBe("https://a.example/pr/1 https://b.example/doc");
  });
});
