import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstNothing, verifyPassword } from "./passwords.ts";
import { hashSecret, newSecret, sameSecret } from "./secrets.ts";

describe("passwords", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("reads the same password typed with composed or decomposed accents", async () => {
    const stored = await hashPassword("caf\u00e9 au lait 2026");
    expect(await verifyPassword("cafe\u0301 au lait 2026", stored)).toBe(true);
  });

  it("refuses a malformed stored hash without throwing", async () => {
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
    expect(await verifyAgainstNothing("x")).toBe(false);
  });
});

describe("secrets", () => {
  it("stores only a hash and shows a short prefix", () => {
    const secret = newSecret("pat");
    expect(secret.token).toMatch(/^cohort_pat_[\w-]{43}$/);
    expect(secret.hash).toBe(hashSecret(secret.token));
    expect(secret.hash).not.toContain(secret.token.slice(11));
    expect(secret.token.startsWith(secret.prefix)).toBe(true);
    expect(sameSecret(secret.token, secret.token)).toBe(true);
    expect(sameSecret(secret.token, newSecret("pat").token)).toBe(false);
  });
});
