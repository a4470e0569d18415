import { Slug } from "../../../schemas/slug.ts";
import { ProgramParams } from "../programs/schema.ts";

export { ProgramParams };

/** `{program}` and `{organization}` in a path. */
export const OrganizationParams = ProgramParams.extend({ organization: Slug.describe("The organization's slug, e.g. harbor.") });
