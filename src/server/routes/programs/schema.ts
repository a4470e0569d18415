import { z } from "zod";
import { Slug } from "../../../schemas/slug.ts";

/** `{program}` in a path. */
export const ProgramParams = z.object({ program: Slug.describe("The program's slug, e.g. cncf-lfx.") });
