import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config/config.ts";

const SECRET = "s3cret-value-never-shown";
const FULL = { COHORT_OIDC_ISSUER: "https://id.example.org", COHORT_OIDC_CLIENT_ID: "cohort", COHORT_OIDC_CLIENT_SECRET: SECRET };

/** The message a configuration is refused with. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the configuration was accepted");
}

describe("OpenID Connect configuration", () => {
  it("is off when no variable is set, and on with all three", () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig(FULL).oidc).toEqual({ issuer: "https://id.example.org", clientId: "cohort", clientSecret: SECRET, name: "your organization's account" });
    expect(loadConfig({ ...FULL, COHORT_OIDC_NAME: "CNCF account" }).oidc?.name).toBe("CNCF account");
  });

  it("names what is missing from a partial set, and never shows the secret", () => {
    expect(refusal({ COHORT_OIDC_ISSUER: FULL.COHORT_OIDC_ISSUER, COHORT_OIDC_CLIENT_ID: "cohort" })).toMatch(/^COHORT_OIDC_CLIENT_SECRET is missing: /);
    const noIssuer = refusal({ COHORT_OIDC_CLIENT_ID: "cohort", COHORT_OIDC_CLIENT_SECRET: SECRET });
    expect(noIssuer).toMatch(/^COHORT_OIDC_ISSUER is missing: /);
    expect(noIssuer).not.toContain(SECRET);
    expect(refusal({ COHORT_OIDC_CLIENT_SECRET: SECRET })).toMatch(/^COHORT_OIDC_ISSUER and COHORT_OIDC_CLIENT_ID are missing: /);
  });

  it("takes an https issuer, or http on loopback only", () => {
    expect(loadConfig({ ...FULL, COHORT_OIDC_ISSUER: "http://127.0.0.1:8080" }).oidc?.issuer).toBe("http://127.0.0.1:8080");
    expect(loadConfig({ ...FULL, COHORT_OIDC_ISSUER: "http://localhost:8080/realms/cncf" }).oidc?.issuer).toBe("http://localhost:8080/realms/cncf");
    for (const issuer of ["http://id.example.org", "id.example.org", "https://id.example.org/?tenant=1", "ftp://id.example.org"]) {
      const message = refusal({ ...FULL, COHORT_OIDC_ISSUER: issuer });
      expect(message).toMatch(/^COHORT_OIDC_ISSUER must be an https:\/\/ URL/);
      expect(message).not.toContain(SECRET);
    }
  });
});
