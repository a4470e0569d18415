import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { type DatabaseHandle, openDatabase } from "../database.ts";
import { migrateToLatest } from "../migrate.ts";
import { insertAccount } from "./account-repo.ts";
import {
  copyProgramQuestionsToTerm,
  type EligibilityQuestionWrite,
  findEligibilityAnswers,
  listProgramEligibilityQuestions,
  listTermEligibilityQuestions,
  replaceProgramEligibilityQuestions,
  replaceTermEligibilityQuestions,
  saveEligibilityAnswers,
} from "./eligibility-repo.ts";
import { insertProgram } from "./program-repo.ts";
import { insertTerm } from "./term-repo.ts";

const AT = new Date("2026-12-02T10:00:00.000Z");

const question = (prompt: string, changes: Partial<EligibilityQuestionWrite> = {}): EligibilityQuestionWrite => ({
  kind: "yes_no",
  prompt,
  choices: [],
  disqualifyingAnswers: ["no"],
  disqualifyingReason: `Because of “${prompt}”.`,
  ...changes,
});

describe.each(testDialects())("eligibility questions and answers on %s", (dialect) => {
  let database: DatabaseHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const target = await createTestDatabase(dialect);
    database = await openDatabase(target.url, { poolSize: 2 });
    await migrateToLatest(database.db);
    dispose = async () => {
      await database.close();
      await target.dispose();
    };
  }, 120_000);
  afterAll(() => dispose());

  let serial = 0;
  async function programWithTerm() {
    serial += 1;
    const program = await insertProgram(database.db, { slug: `program-${serial}`, name: `Program ${serial}`, timeZone: "UTC", at: AT });
    const term = await insertTerm(database.db, program.id, `term-${serial}`, { title: `Term ${serial}`, timeZone: "UTC" }, AT);
    return { program, term };
  }

  it("a program's questions are replaced as a whole and read back in order, with their choices and disqualifying answers", async () => {
    const { program } = await programWithTerm();
    await replaceProgramEligibilityQuestions(database.db, program.id, [question("first"), question("second")]);
    const rows = await replaceProgramEligibilityQuestions(database.db, program.id, [
      question("Where do you study?", { kind: "choice", choices: ["a university", "elsewhere"], disqualifyingAnswers: [], disqualifyingReason: null }),
      question("I am 18 or older"),
    ]);
    expect(rows.map((row) => [row.position, row.prompt, JSON.parse(row.choices), JSON.parse(row.disqualifyingAnswers), row.disqualifyingReason])).toEqual([
      [1, "Where do you study?", ["a university", "elsewhere"], [], null],
      [2, "I am 18 or older", [], ["no"], "Because of “I am 18 or older”."],
    ]);
    expect(await listProgramEligibilityQuestions(database.db, program.id)).toEqual(rows);
  });

  it("copying a program's questions into a term gives the term its own rows, which later program edits leave alone", async () => {
    const { program, term } = await programWithTerm();
    await replaceProgramEligibilityQuestions(database.db, program.id, [question("one"), question("two")]);
    expect(await copyProgramQuestionsToTerm(database.db, { programId: program.id, termId: term.id })).toBe(2);
    await replaceProgramEligibilityQuestions(database.db, program.id, [question("three")]);
    const copied = await listTermEligibilityQuestions(database.db, term.id);
    expect(copied.map((row) => [row.termId, row.position, row.prompt, row.disqualifyingAnswers])).toEqual([
      [term.id, 1, "one", '["no"]'],
      [term.id, 2, "two", '["no"]'],
    ]);
  });

  it("replacing a term's questions keeps the ids of the questions sent with their id, even reordered, and deletes those left out", async () => {
    const { term } = await programWithTerm();
    const [a, b, c] = await replaceTermEligibilityQuestions(database.db, term.id, [question("a"), question("b"), question("c")]);
    if (!a || !b || !c) throw new Error("three questions were not stored");
    const rows = await replaceTermEligibilityQuestions(database.db, term.id, [
      { ...question("c, reworded"), id: c.id },
      question("d"),
      { ...question("a"), id: a.id },
    ]);
    expect(rows.map((row) => [row.position, row.prompt])).toEqual([
      [1, "c, reworded"],
      [2, "d"],
      [3, "a"],
    ]);
    expect(rows[0]?.id).toBe(c.id);
    expect(rows[2]?.id).toBe(a.id);
    expect(rows.map((row) => row.id)).not.toContain(b.id);
    expect(await replaceTermEligibilityQuestions(database.db, term.id, [])).toEqual([]);
  });

  it("an applicant's answers are stored once per term: answering again replaces them and keeps when they first answered", async () => {
    const { term } = await programWithTerm();
    const person = await insertAccount(database.db, {
      name: "Applicant",
      email: `applicant-${serial}@example.org`,
      passwordHash: null,
      emailVerifiedAt: null,
      at: AT,
    });
    expect(await findEligibilityAnswers(database.db, { termId: term.id, personId: person.id })).toBeUndefined();
    const disqualified = { questionId: 1, prompt: "I am 18 or older", answer: "no", reason: "Mentees must be 18 or older." };
    await saveEligibilityAnswers(database.db, {
      termId: term.id,
      personId: person.id,
      answers: { 1: "no" },
      eligible: false,
      disqualifications: [disqualified],
      at: AT,
    });
    const later = new Date(AT.getTime() + 60_000);
    const saved = await saveEligibilityAnswers(database.db, {
      termId: term.id,
      personId: person.id,
      answers: { 1: "yes" },
      eligible: true,
      disqualifications: [],
      at: later,
    });
    expect(saved).toMatchObject({ answers: '{"1":"yes"}', eligible: 1, disqualifications: "[]", answeredAt: AT.toISOString(), updatedAt: later.toISOString() });
    expect(await findEligibilityAnswers(database.db, { termId: term.id, personId: person.id })).toEqual(saved);
  });
});
