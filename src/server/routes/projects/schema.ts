import { z } from "zod";
import { Slug } from "../../../schemas/slug.ts";

/** `{project}` in a path. */
export const ProjectParams = z.object({ project: Slug.describe("The project's slug, e.g. 2024-02-jun-aug-harbor-cli.") });
