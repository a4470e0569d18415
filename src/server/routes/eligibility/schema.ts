// The eligibility routes name a program (its questions) or a term (its copy, and the caller's answers).
export { ProgramParams } from "../programs/schema.ts";
export { TermParams } from "../terms/schema.ts";
