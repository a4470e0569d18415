import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { buildPermissionWorld, type Caller, type PermissionWorld } from "../../../../test/permissions/callers.ts";
import type { AuditEvent, ProgramOrganization } from "../../../schemas/admin.ts";
import type { CatalogResponse } from "../../../schemas/catalog.ts";
import type { Organization } from "../../../schemas/organization.ts";
import type { ProgramSettings } from "../../../schemas/program-settings.ts";
import { findProgramBySlug } from "../../../storage/repos/program-repo.ts";
import { findTermBySlug } from "../../../storage/repos/term-repo.ts";

const TERM = "2026-demo-term-02";

describe.each(testDialects())("setting a program up on %s", (dialect) => {
  let t: TestApp;
  let w: PermissionWorld;
  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimits: false });
    w = await buildPermissionWorld(t);
  }, 120_000);
  afterAll(() => t.dispose());

  const headersOf = (caller: Caller) => (caller === "visitor" ? {} : asBrowser(w.sessions[caller]));
  const settingsUrl = () => `/api/programs/${w.program}/settings`;
  const organizationsUrl = () => `/api/programs/${w.program}/organizations`;
  const patchSettings = (payload: object, caller: Caller = "programAdmin") =>
    t.app.inject({ method: "PATCH", url: settingsUrl(), headers: headersOf(caller), payload });
  const addOrganization = (payload: object, caller: Caller = "programAdmin") =>
    t.app.inject({ method: "POST", url: organizationsUrl(), headers: headersOf(caller), payload });
  const patchOrganization = (slug: string, payload: object, caller: Caller = "programAdmin") =>
    t.app.inject({ method: "PATCH", url: `${organizationsUrl()}/${slug}`, headers: headersOf(caller), payload });
  const auditOf = async (action: string) =>
    (await t.app.inject({ method: "GET", url: `/api/programs/${w.program}/audit?action=${action}`, headers: headersOf("programAdmin") })).json()
      .items as AuditEvent[];
  const organizations = async () =>
    (await t.app.inject({ method: "GET", url: organizationsUrl(), headers: headersOf("programAdmin") })).json().items as ProgramOrganization[];
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1100));
  const catalog = async () => (await t.app.inject({ method: "GET", url: `/api/terms/${TERM}/projects?limit=50` })).json() as CatalogResponse;

  describe("program settings", () => {
    it("an admin sees the settings with their defaults: 3 applications, 72 hours to answer an offer, no quota, no slot budget", async () => {
      const response = await t.app.inject({ method: "GET", url: settingsUrl(), headers: headersOf("programAdmin") });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        slug: "demo",
        name: "Cohort Demo Mentorship",
        applicationLimit: 3,
        projectQuota: null,
        slotBudget: null,
        offerResponseHours: 72,
      } satisfies Partial<ProgramSettings>);
    });

    it("nobody but the program's admins reads or changes them", async () => {
      const unknown = await t.app.inject({ method: "GET", url: "/api/programs/no-such-program/settings", headers: headersOf("programAdmin") });
      expect(unknown.statusCode).toBe(404);
      for (const [caller, status] of [
        ["visitor", 401],
        ["applicant", 403],
        ["maintainerOfOrganization", 403],
        ["mentorOfProject", 403],
        ["adminOfAnotherProgram", 403],
      ] as const) {
        const read = await t.app.inject({ method: "GET", url: settingsUrl(), headers: headersOf(caller) });
        expect(read.statusCode, `${caller} reads`).toBe(status);
        const write = await patchSettings({ applicationLimit: 9 }, caller);
        expect(write.statusCode, `${caller} writes`).toBe(status);
      }
      const program = await findProgramBySlug(t.context.database.db, "demo");
      expect(program?.applicationLimit).toBe(3);
    });

    it("an admin changes them, the zone as the zone database spells it, and the audit log holds each change before and after", async () => {
      const response = await patchSettings({
        timeZone: "europe/berlin",
        applicationLimit: 5,
        projectQuota: 2,
        slotBudget: 40,
        offerResponseHours: 48,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ timeZone: "Europe/Berlin", applicationLimit: 5, projectQuota: 2, slotBudget: 40, offerResponseHours: 48 });
      const [event] = await auditOf("program.settings_updated");
      expect(event?.changes).toEqual({
        timeZone: { before: "America/Los_Angeles", after: "Europe/Berlin" },
        applicationLimit: { before: 3, after: 5 },
        projectQuota: { before: null, after: 2 },
        slotBudget: { before: null, after: 40 },
        offerResponseHours: { before: 72, after: 48 },
      });
      expect(event?.actor.name).toBe("programAdmin");

      // null clears a limit; what is sent unchanged is not recorded as a change.
      const cleared = await patchSettings({ projectQuota: null, slotBudget: 40 });
      expect(cleared.json()).toMatchObject({ projectQuota: null, slotBudget: 40 });
      const [latest] = await auditOf("program.settings_updated");
      expect(latest?.changes).toEqual({ projectQuota: { before: 2, after: null } });
    });

    it("bad settings are refused naming each field, and nothing of the request is written", async () => {
      const before = await findProgramBySlug(t.context.database.db, "demo");
      const response = await patchSettings({
        name: "A new name that must not be stored",
        timeZone: "Mars/Olympus_Mons",
        applicationLimit: 21,
        offerResponseHours: 0,
        projectQuota: 1.5,
      });
      expect(response.statusCode).toBe(400);
      const errors = response.json().errors as Array<{ field: string; code: string; detail: string }>;
      expect(errors.map((error) => error.field).sort()).toEqual(["applicationLimit", "offerResponseHours", "projectQuota", "timeZone"]);
      expect(errors.find((error) => error.field === "timeZone")).toMatchObject({
        code: "unknown_time_zone",
        detail: expect.stringContaining("IANA time zone"),
      });
      expect(errors.find((error) => error.field === "applicationLimit")?.detail).toBe("must be at most 20");
      expect(await findProgramBySlug(t.context.database.db, "demo")).toEqual(before);

      const misspelt = await patchSettings({ applicationLimt: 4 });
      expect(misspelt.statusCode).toBe(400);
      expect(misspelt.json().detail).toContain("applicationLimt");
    });

    it("renaming the program moves every one of its terms on, so no cached page keeps the old name", async () => {
      const before = await findTermBySlug(t.context.database.db, TERM);
      const renamed = await patchSettings({ name: "Cohort Demo Mentorship Program" });
      expect(renamed.json().name).toBe("Cohort Demo Mentorship Program");
      const after = await findTermBySlug(t.context.database.db, TERM);
      expect(after?.revision).toBe((before?.revision ?? 0) + 1);
      const term = await t.app.inject({ method: "GET", url: `/api/terms/${TERM}` });
      expect(term.json().programName).toBe("Cohort Demo Mentorship Program");
      // A change to nothing the terms show leaves their caches alone.
      await patchSettings({ offerResponseHours: 24 });
      expect((await findTermBySlug(t.context.database.db, TERM))?.revision).toBe(after?.revision);
      await patchSettings({ name: "Cohort Demo Mentorship" });
    });
  });

  describe("organizations", () => {
    it("an admin adds an organization with its details, its slug made from its name, and it is audited", async () => {
      const response = await addOrganization({
        name: "Lantern Mesh",
        website: "https://lantern.example.org",
        repositoryUrl: "https://github.com/lantern/mesh",
        description: "A service mesh for small clusters.",
        projectQuota: 4,
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({
        slug: "lantern-mesh",
        name: "Lantern Mesh",
        website: "https://lantern.example.org",
        repositoryUrl: "https://github.com/lantern/mesh",
        description: "A service mesh for small clusters.",
        projectQuota: 4,
        effectiveProjectQuota: 4,
      } satisfies Organization);
      const listed = (await organizations()).find((organization) => organization.slug === "lantern-mesh");
      expect(listed).toMatchObject({ name: "Lantern Mesh", projects: [] });
      const [event] = await auditOf("organization.created");
      expect(event).toMatchObject({ object: { label: "Lantern Mesh" }, changes: { slug: "lantern-mesh", projectQuota: 4 } });
    });

    it("the list gives each organization the quota that applies: its own, else the program's", async () => {
      await patchSettings({ projectQuota: 3 });
      const byslug = new Map((await organizations()).map((organization) => [organization.slug, organization]));
      expect(byslug.get("kestrel")).toMatchObject({ projectQuota: null, effectiveProjectQuota: 3 });
      expect(byslug.get("lantern-mesh")).toMatchObject({ projectQuota: 4, effectiveProjectQuota: 4 });
      await patchSettings({ projectQuota: null });
      expect((await organizations()).find((organization) => organization.slug === "kestrel")?.effectiveProjectQuota).toBeNull();
    });

    it("a slug the program already has is refused naming it, and nothing is added", async () => {
      const count = (await organizations()).length;
      const response = await addOrganization({ name: "Kestrel Two", slug: "kestrel" });
      expect(response.statusCode).toBe(409);
      expect(response.json().detail).toContain('"kestrel"');
      expect(response.json().errors).toEqual([{ field: "slug", code: "taken", detail: expect.stringContaining('"kestrel"') }]);
      // The same name makes the same slug.
      expect((await addOrganization({ name: "Lantern  Mesh!" })).statusCode).toBe(409);
      expect((await organizations()).length).toBe(count);
      // Another program's slugs are its own.
      expect((await addOrganization({ name: "Kestrel" }, "adminOfAnotherProgram")).statusCode).toBe(403);
    });

    it("bad details are refused naming each field: links must be web addresses, the description short, the slug a slug", async () => {
      const response = await addOrganization({
        name: "Bad Links",
        slug: "Bad Slug",
        website: "javascript:alert(1)",
        repositoryUrl: "ftp://example.org/repo",
        description: "x".repeat(281),
        projectQuota: -1,
      });
      expect(response.statusCode).toBe(400);
      const errors = response.json().errors as Array<{ field: string; detail: string }>;
      expect(errors.map((error) => error.field).sort()).toEqual(["description", "projectQuota", "repositoryUrl", "slug", "website"]);
      expect(errors.find((error) => error.field === "website")?.detail).toContain("https://");
      const nameless = await addOrganization({ name: "日本" });
      expect(nameless.statusCode).toBe(400);
      expect(nameless.json().errors).toEqual([{ field: "slug", code: "required", detail: expect.stringContaining("enter one") }]);
      expect((await organizations()).some((organization) => organization.name === "Bad Links" || organization.name === "日本")).toBe(false);
    });

    it("nobody but the program's admins adds or edits organizations; an unknown one is 404", async () => {
      for (const [caller, status] of [
        ["visitor", 401],
        ["applicant", 403],
        ["maintainerOfOrganization", 403],
        ["adminOfAnotherProgram", 403],
      ] as const) {
        expect((await addOrganization({ name: `By ${caller}` }, caller)).statusCode, `${caller} adds`).toBe(status);
        expect((await patchOrganization("kestrel", { name: `Kestrel by ${caller}` }, caller)).statusCode, `${caller} edits`).toBe(status);
      }
      expect((await patchOrganization("no-such-organization", { name: "X" })).statusCode).toBe(404);
      expect((await organizations()).find((organization) => organization.slug === "kestrel")?.name).toBe("Kestrel");
    });

    it("an admin edits an organization; a renamed one shows in the cached catalog within a second, and the audit log holds before and after", async () => {
      const cached = await catalog();
      expect(cached.facets.organizations).toContainEqual(expect.objectContaining({ name: "kestrel", label: "Kestrel" }));
      const response = await patchOrganization("kestrel", {
        name: "Kestrel Networking",
        slug: "kestrel-networking",
        website: "https://kestrel.example.org",
        description: "",
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        slug: "kestrel-networking",
        name: "Kestrel Networking",
        website: "https://kestrel.example.org",
        description: null,
      });
      const [event] = await auditOf("organization.updated");
      expect(event?.changes).toEqual({
        name: { before: "Kestrel", after: "Kestrel Networking" },
        slug: { before: "kestrel", after: "kestrel-networking" },
        website: { before: null, after: "https://kestrel.example.org" },
      });
      await settle();
      const fresh = await catalog();
      expect(fresh.facets.organizations).toContainEqual(expect.objectContaining({ name: "kestrel-networking", label: "Kestrel Networking" }));
      expect(fresh.items.filter((item) => item.organization.slug === "kestrel").length).toBe(0);
      expect(fresh.items.some((item) => item.organization.name === "Kestrel Networking")).toBe(true);

      // Taking another organization's slug is refused; giving the old one back is not.
      const taken = await patchOrganization("kestrel-networking", { slug: "saltbox" });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().errors[0]).toMatchObject({ field: "slug", code: "taken" });
      const back = await patchOrganization("kestrel-networking", { name: "Kestrel", slug: "kestrel", website: null });
      expect(back.json()).toMatchObject({ slug: "kestrel", name: "Kestrel", website: null });
    });
  });

  describe("the stipend policy", () => {
    const policyUrl = () => `/api/programs/${w.program}/stipend-policy`;
    const putPolicy = (payload: object, caller: Caller = "programAdmin") =>
      t.app.inject({ method: "PUT", url: policyUrl(), headers: headersOf(caller), payload });
    const putCountries = (csv: string) =>
      t.app.inject({ method: "PUT", url: `${policyUrl()}/countries`, headers: headersOf("programAdmin"), payload: { csv } });
    const HALVES = [
      { percent: 50, releasedBy: "midterm" },
      { percent: 50, releasedBy: "final" },
    ];

    it("is not set at first, and a country table waits for it", async () => {
      const response = await t.app.inject({ method: "GET", url: policyUrl(), headers: headersOf("programAdmin") });
      expect(response.json()).toMatchObject({ policy: null, updatedAt: null });
      const early = await putCountries("IN,60");
      expect(early.statusCode).toBe(409);
      expect(early.json().detail).toContain("Set the currency and base amount");
    });

    it("is refused, each problem by its field, when the installments do not add up to 100 or the currency is unknown", async () => {
      const refused = await putPolicy({
        currency: "usx",
        baseAmount: 300000,
        installments: [
          { percent: 50, releasedBy: "midterm" },
          { percent: 40, releasedBy: "final" },
        ],
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors.map((error: { field: string; detail: string }) => [error.field, error.detail])).toEqual([
        ["currency", "“USX” is not an ISO 4217 currency code such as USD or EUR."],
        ["installments", "The installments add up to 90%; they must add up to 100%."],
      ]);
      const fractional = await putPolicy({ currency: "USD", baseAmount: 3000.5, installments: HALVES });
      expect(fractional.statusCode).toBe(400);
      expect(fractional.json().errors[0].field).toBe("baseAmount");
      expect((await t.app.inject({ method: "GET", url: policyUrl(), headers: headersOf("programAdmin") })).json().policy).toBeNull();
    });

    it("an admin sets it and uploads the country table; each country's total and installments are worked out, and both changes are audited", async () => {
      const saved = await putPolicy({ currency: "USD", baseAmount: 300000, installments: HALVES });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().policy).toMatchObject({
        currency: "USD",
        baseWords: "USD 3,000.00",
        installments: [
          { percent: 50, releasedBy: "midterm", amountWords: "USD 1,500.00" },
          { percent: 50, releasedBy: "final", amountWords: "USD 1,500.00" },
        ],
        countries: [],
      });
      const uploaded = await putCountries("country,percent\nIN,60\nBR,72.5\n");
      expect(uploaded.statusCode).toBe(200);
      expect(uploaded.json().policy.countries).toEqual([
        { code: "BR", name: "Brazil", percent: 72.5, totalWords: "USD 2,175.00", installmentWords: ["USD 1,087.50", "USD 1,087.50"] },
        { code: "IN", name: "India", percent: 60, totalWords: "USD 1,800.00", installmentWords: ["USD 900.00", "USD 900.00"] },
      ]);
      expect((await auditOf("stipend.policy_updated")).length).toBe(1);
      expect((await auditOf("stipend.countries_uploaded")).length).toBe(1);
    });

    it("refuses a country table with errors whole, every error named by its line, and keeps the table it had", async () => {
      const refused = await putCountries("IN,65\nXX,50\nBR,lots\n");
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors.map((error: { detail: string }) => error.detail)).toEqual([
        "Line 2: “XX” is not an ISO 3166 country code such as DE or IN.",
        "Line 3: “lots” is not a percentage between 0 and 500% (such as 60 or 62.5).",
      ]);
      const kept = (await t.app.inject({ method: "GET", url: policyUrl(), headers: headersOf("programAdmin") })).json();
      expect(kept.policy.countries.map((country: { code: string; percent: number }) => [country.code, country.percent])).toEqual([
        ["BR", 72.5],
        ["IN", 60],
      ]);
    });
  });
});
