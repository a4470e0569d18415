import { ProgramParams } from "../programs/schema.ts";

export { ProgramParams };
