import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new secret: the token shown once to its owner, and the hash that is stored. */
export interface NewSecret {
  token: string;
  hash: string;
  /** The first characters, safe to show so a person can tell their tokens apart. */
  prefix: string;
}

/**
 * A random secret with a readable kind prefix ("cohort_pat_…"), 256 bits of entropy in
 * base64url. Only its SHA-256 hash is ever stored: a leaked database leaks no usable token.
 */
export function newSecret(kind: string): NewSecret {
  const token = `cohort_${kind}_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashSecret(token), prefix: token.slice(0, `cohort_${kind}_`.length + 6) };
}

/** The stored form of a secret. Secrets are long and random, so a plain SHA-256 suffices. */
export function hashSecret(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Compares two strings in constant time (for CSRF tokens and the like). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
