import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/databases.ts";
import { startServeProcess } from "../../test/helpers/run-cli.ts";
import { type SurgeApplicant, seedSurge, submitHeaders } from "../../test/helpers/surge-fixture.ts";
import { loadConfig } from "../config/config.ts";
import { openDatabase } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { startServer } from "./start.ts";

const APPLICANTS = 120;

/** What one applicant's first try got: the answer, or nothing when the server died first. */
interface FirstTry {
  applicant: SurgeApplicant;
  answer: { status: number; body: { id: number } } | null;
}

async function submit(url: string, applicant: SurgeApplicant): Promise<{ status: number; body: { id: number } }> {
  const response = await fetch(`${url}/api/projects/${applicant.projectSlug}/application/submit`, {
    method: "POST",
    headers: submitHeaders(applicant, `surge-crash-${applicant.personId}`),
    body: JSON.stringify(applicant.body),
  });
  return { status: response.status, body: (await response.json()) as { id: number } };
}

describe("a surge of submissions when the server is killed with SIGKILL on sqlite", () => {
  it("keeps every acknowledged application exactly once, and retries with their keys get the first answers", async () => {
    const target = await createTestDatabase("sqlite");
    const seeding = await openDatabase(target.url);
    await migrateToLatest(seeding.db);
    const fixture = await seedSurge(seeding, { applicants: APPLICANTS, projects: 30, now: new Date() });
    await seeding.close();

    const server = await startServeProcess(["--port", "0", "--db", target.url, "--no-demo"]);
    // Twelve clients submit one applicant after another, so batches keep forming until the kill.
    const first: FirstTry[] = [];
    let acknowledged = 0;
    let next = 0;
    let killed = false;
    const client = async () => {
      while (next < fixture.applicants.length) {
        const applicant = fixture.applicants[next] as SurgeApplicant;
        next += 1;
        if (killed) {
          first.push({ applicant, answer: null });
          continue;
        }
        try {
          const answer = await submit(server.url, applicant);
          if (answer.status === 201) acknowledged += 1;
          first.push({ applicant, answer });
        } catch {
          // The connection died with the server: this submission was never acknowledged.
          first.push({ applicant, answer: null });
        }
      }
    };
    const clients = Array.from({ length: 12 }, client);
    // Killed once some batches have been acknowledged, while others are queued or being written.
    while (acknowledged < APPLICANTS / 4) await new Promise((resolve) => setTimeout(resolve, 2));
    await server.stop("SIGKILL");
    killed = true;
    await Promise.all(clients);
    const answered = first.filter((one) => one.answer !== null);
    expect(answered.every((one) => one.answer?.status === 201)).toBe(true);
    expect(answered.length).toBeGreaterThanOrEqual(APPLICANTS / 4);
    expect(answered.length).toBeLessThan(APPLICANTS);

    // Restarted in this process (a new server on the same file), which starts faster than a second one.
    const restarted = await startServer({
      config: { ...loadConfig({}), databaseUrl: target.url, host: "127.0.0.1", port: 0, logLevel: "silent" },
      outboxWorker: false,
    });
    const database = await openDatabase(target.url);
    try {
      const stored = await database.db.selectFrom("applications").select(["id", "personId", "state"]).where("termId", "=", fixture.termId).execute();
      const storedById = new Map(stored.map((row) => [row.id, row]));
      // Every acknowledged application is there, submitted, under its applicant; none is there twice.
      for (const { applicant, answer } of answered) {
        expect(storedById.get(answer?.body.id ?? 0)).toEqual({ id: answer?.body.id, personId: applicant.personId, state: "submitted" });
      }
      expect(new Set(stored.map((row) => row.personId)).size).toBe(stored.length);

      // Every applicant retries with the same key and body: the acknowledged get their first answer,
      // the others theirs now (or the one the crash kept without acknowledging it), never a second application.
      const retries = await Promise.all(first.map(async ({ applicant, answer }) => ({ answer, retry: await submit(restarted.url, applicant) })));
      for (const { answer, retry } of retries) {
        expect(retry.status).toBe(201);
        if (answer) expect(retry.body).toEqual(answer.body);
      }
      const after = await database.db.selectFrom("applications").select(["personId"]).where("termId", "=", fixture.termId).execute();
      expect(after).toHaveLength(APPLICANTS);
      expect(new Set(after.map((row) => row.personId)).size).toBe(APPLICANTS);
    } finally {
      await restarted.close();
      await database.close();
      await target.dispose();
    }
  }, 120_000);
});
