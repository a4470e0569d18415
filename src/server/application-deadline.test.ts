import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers/app.ts";
import { testDialects } from "../../test/helpers/databases.ts";
import { seedSurge, submitHeaders } from "../../test/helpers/surge-fixture.ts";
import { formatInstantAndUtc } from "../domain/format-instant.ts";

/** The instants the server's clock gave while handling one request, in order. */
interface Readings {
  instants: Date[];
}

const APPLICANTS = 80;
const T0 = new Date("2026-12-01T16:59:59.700Z");

describe.each(testDialects())("submissions around the deadline instant under concurrency on %s", (dialect) => {
  const requestClock = new AsyncLocalStorage<Readings>();
  let ticks = 0;
  // The server's clock moves one millisecond each time a submission takes its instant received
  // (a request's second reading, after signing in read it), so the deadline falls among the
  // submissions in flight; each request's readings are kept to know when the server received it.
  const clock = () => {
    const readings = requestClock.getStore()?.instants;
    const instant = new Date(T0.getTime() + ticks);
    if (readings && readings.length > 0) ticks += 1;
    readings?.push(instant);
    return instant;
  };
  let test: TestApp;
  const closesAt = new Date(T0.getTime() + APPLICANTS / 2);
  let fixture: Awaited<ReturnType<typeof seedSurge>>;

  beforeAll(async () => {
    test = await createTestApp(dialect, { clock });
    fixture = await seedSurge(test.context.database, { applicants: APPLICANTS, projects: 20, now: new Date(T0.getTime() - 60_000), closesAt });
  }, 60_000);
  afterAll(() => test.dispose());

  it("acknowledges every submission received before the instant, even when its commit comes after, and refuses every one received at or after it", async () => {
    ticks = 0;
    const outcomes = await Promise.all(
      fixture.applicants.map((applicant) => {
        const readings: Readings = { instants: [] };
        return requestClock.run(readings, async () => {
          const response = await test.app.inject({
            method: "POST",
            url: `/api/projects/${applicant.projectSlug}/application/submit`,
            headers: submitHeaders(applicant, `deadline-${applicant.personId}`),
            payload: JSON.stringify(applicant.body),
          });
          const answeredAt = new Date(T0.getTime() + ticks);
          return { applicant, readings: readings.instants, response, answeredAt };
        });
      }),
    );

    const term = await test.context.database.db.selectFrom("terms").select(["title", "timeZone"]).where("id", "=", fixture.termId).executeTakeFirstOrThrow();
    const closedMessage = `Applications for ${term.title} closed on ${formatInstantAndUtc(closesAt, term.timeZone)}.`;
    let acknowledged = 0;
    let refused = 0;
    let committedAfterDeadline = 0;
    for (const { readings, response, answeredAt } of outcomes) {
      // The route reads the clock once, when the request arrives, after signing-in read it: the last reading is the instant received.
      expect(readings).toHaveLength(2);
      const receivedAt = readings[1] ?? new Date(Number.NaN);
      const body = response.json() as { submittedAt?: string; code?: string; detail?: string };
      if (receivedAt < closesAt) {
        expect({ status: response.statusCode, submittedAt: body.submittedAt, detail: body.detail }).toEqual({
          status: 201,
          submittedAt: receivedAt.toISOString(),
          detail: undefined,
        });
        acknowledged += 1;
        if (answeredAt >= closesAt) committedAfterDeadline += 1;
      } else {
        expect({ status: response.statusCode, code: body.code, detail: body.detail }).toEqual({ status: 409, code: "PHASE_CLOSED", detail: closedMessage });
        refused += 1;
      }
    }
    // The deadline fell among them, and some received before it were answered after it (waiting for their batch).
    expect(acknowledged).toBeGreaterThan(APPLICANTS / 4);
    expect(refused).toBeGreaterThan(APPLICANTS / 4);
    expect(committedAfterDeadline).toBeGreaterThan(0);

    const stored = await test.context.database.db.selectFrom("applications").select(["submittedAt"]).where("termId", "=", fixture.termId).execute();
    expect(stored).toHaveLength(acknowledged);
    expect(stored.filter((row) => (row.submittedAt ?? "") >= closesAt.toISOString())).toEqual([]);
  }, 60_000);
});
