import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";

/** scrypt costs: N=2^15, r=8, p=1 is 32 MiB of memory per hash, the OWASP recommendation. */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** The shortest and longest password Cohort accepts. */
export const PASSWORD_LIMITS = { min: 10, max: 256 } as const;

function scrypt(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128·N·r bytes, or node refuses the costs above.
    scryptCallback(password.normalize("NFKC"), salt, KEY_LENGTH, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Hashes a password with scrypt, a memory-hard function, and a fresh salt. The result keeps
 * its own parameters ("scrypt$N$r$p$salt$hash"), so costs can rise later without breaking
 * old hashes.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** True when `password` matches `stored`; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(password, Buffer.from(salt, "base64url"), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one password check when there is no account to check against, so the
 * answer to "wrong email" takes as long as the answer to "wrong password".
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("a password nobody has");
  await verifyPassword(password, await dummyHash);
  return false;
}
