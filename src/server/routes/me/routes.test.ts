import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser, signUpAndVerify, type TestSession } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";

const PASSWORD = "a long enough password";

describe.each(testDialects())("your profile on %s", (dialect) => {
  let t: TestApp;
  let people: TestSession[];
  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow("2026-11-25T10:00:00Z");
    people = [];
    for (const name of ["ada", "grace", "linus", "barbara", "edsger", "donald"]) {
      people.push(await signUpAndVerify(t, { name, email: `${name}@example.org`, password: PASSWORD }));
    }
  });
  afterAll(() => t.dispose());

  it("the profile offers no switch for showing the account's email: the answer has none, and a change that sends one is refused naming it", async () => {
    const [ada] = people;
    if (!ada) throw new Error("ada is missing");
    const profile = await t.app.inject({ method: "GET", url: "/api/me", headers: asBrowser(ada) });
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).not.toHaveProperty("emailPublic");

    const refused = await t.app.inject({ method: "PATCH", url: "/api/me", payload: { country: "DE", emailPublic: true }, headers: asBrowser(ada) });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    const problem = refused.json();
    expect(problem).toMatchObject({ code: "INVALID_INPUT", detail: expect.stringContaining('"emailPublic"') });
    expect(problem.errors).toEqual([{ field: "body", code: "unrecognized_keys", detail: expect.stringContaining('"emailPublic"') }]);
    // Nothing of the refused change was kept.
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: asBrowser(ada) })).json().country).toBeNull();
  });

  it("a profile's time zone is kept as the zone database spells it, and one that names no zone is refused naming the field", async () => {
    const grace = people[1];
    if (!grace) throw new Error("grace is missing");
    const saved = await t.app.inject({ method: "PATCH", url: "/api/me", payload: { timeZone: "europe/berlin" }, headers: asBrowser(grace) });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().timeZone).toBe("Europe/Berlin");
    const refused = await t.app.inject({ method: "PATCH", url: "/api/me", payload: { timeZone: "+05:30" }, headers: asBrowser(grace) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: "timeZone", code: "unknown_time_zone", detail: expect.stringContaining("IANA time zone") }]);
  });

  it("two people claiming the same GitHub handle at the same moment: one gets it, the other a 409 problem, never a 500", async () => {
    // Three pairs at once, so that at least one pair's checks both run before either writes.
    const pairs = [0, 1, 2].map((pair) => [people[2 * pair], people[2 * pair + 1]] as const);
    const answers = await Promise.all(
      pairs.flatMap(([first, second], pair) =>
        [first, second].map((person) =>
          person
            ? t.app.inject({ method: "PATCH", url: "/api/me", payload: { githubHandle: `racer-${pair}` }, headers: asBrowser(person) })
            : Promise.reject(new Error("a person is missing")),
        ),
      ),
    );
    for (const pair of [0, 1, 2]) {
      const [first, second] = [answers[2 * pair], answers[2 * pair + 1]];
      expect([first?.statusCode, second?.statusCode].sort()).toEqual([200, 409]);
      const refused = first?.statusCode === 409 ? first : second;
      expect(refused?.headers["content-type"]).toContain("application/problem+json");
      expect(refused?.json()).toMatchObject({ code: "CONFLICT", detail: expect.stringMatching(/GitHub handle/) });
    }
  });
  it("pronouns, a portfolio and a CV link are kept and shown back; emptied pronouns and a null link clear them", async () => {
    const barbara = people[3];
    if (!barbara) throw new Error("barbara is missing");
    const saved = await t.app.inject({
      method: "PATCH",
      url: "/api/me",
      payload: { pronouns: " she/her ", portfolioUrl: "https://barbara.example.org/work", cvUrl: "https://barbara.example.org/cv.pdf" },
      headers: asBrowser(barbara),
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ pronouns: "she/her", portfolioUrl: "https://barbara.example.org/work", cvUrl: "https://barbara.example.org/cv.pdf" });
    const read = (await t.app.inject({ method: "GET", url: "/api/me", headers: asBrowser(barbara) })).json();
    expect(read).toMatchObject({ pronouns: "she/her", portfolioUrl: "https://barbara.example.org/work", cvUrl: "https://barbara.example.org/cv.pdf" });

    const cleared = await t.app.inject({ method: "PATCH", url: "/api/me", payload: { pronouns: "", cvUrl: null }, headers: asBrowser(barbara) });
    expect(cleared.json()).toMatchObject({ pronouns: null, portfolioUrl: "https://barbara.example.org/work", cvUrl: null });
  });

  it("a portfolio or CV link that is not an http(s) address, and pronouns over 40 characters, are refused naming the field, and nothing is kept", async () => {
    const edsger = people[4];
    if (!edsger) throw new Error("edsger is missing");
    for (const [field, value, words] of [
      ["portfolioUrl", "javascript:alert(1)", "https://"],
      ["cvUrl", "ftp://edsger.example.org/cv.pdf", "https://"],
      ["cvUrl", "https://user:secret@edsger.example.org/cv.pdf", "user name or password"],
      ["pronouns", "x".repeat(41), "at most 40 characters"],
    ] as const) {
      const refused = await t.app.inject({ method: "PATCH", url: "/api/me", payload: { country: "NL", [field]: value }, headers: asBrowser(edsger) });
      expect(refused.statusCode, `${field} = ${value}`).toBe(400);
      expect(refused.headers["content-type"]).toContain("application/problem+json");
      expect(refused.json().errors).toEqual([expect.objectContaining({ field, detail: expect.stringContaining(words) })]);
    }
    const read = (await t.app.inject({ method: "GET", url: "/api/me", headers: asBrowser(edsger) })).json();
    expect(read).toMatchObject({ country: null, pronouns: null, portfolioUrl: null, cvUrl: null });
  });
});
