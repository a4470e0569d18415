import { z } from "zod";
import { ProgramSummarySchema, TermSummarySchema } from "../../../schemas/catalog.ts";
import { Slug } from "../../params.ts";

/** `GET /api/programs`. */
export const ProgramListResponse = z.object({ items: z.array(ProgramSummarySchema) }).meta({ id: "ProgramList" });

/** `{program}` in a path. */
export const ProgramParams = z.object({ program: Slug.describe("The program's slug, e.g. cncf-lfx.") });

/** `GET /api/programs/{program}/terms`: newest first. */
export const TermListResponse = z.object({ items: z.array(TermSummarySchema) }).meta({ id: "TermList" });
