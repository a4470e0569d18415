import { z } from "zod";
import { Slug } from "../../params.ts";

/** `{term}` in a path. */
export const TermParams = z.object({ term: Slug.describe("The term's slug, e.g. 2024-02-jun-aug.") });
