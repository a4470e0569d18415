import { z } from "zod";

/** A slug in a path: lower-case letters, digits and hyphens. Anything else cannot name an object. */
export const Slug = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a slug: lower-case letters, digits and single hyphens");
