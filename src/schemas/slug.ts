import { z } from "zod";

/**
 * The longest slug: a project's is its term's slug and its title's (up to 80 characters each)
 * and a number. The router refuses longer path segments before any route sees them.
 */
export const SLUG_MAX_LENGTH = 200;

/** A slug in a path or a body: lower-case letters, digits and hyphens. Anything else cannot name an object. */
export const Slug = z
  .string()
  .min(1)
  .max(SLUG_MAX_LENGTH, `must be at most ${SLUG_MAX_LENGTH} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a slug: lower-case letters, digits and single hyphens");
