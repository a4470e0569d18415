// The term setup routes name a program (to create a term in it) or a term, as the public routes do.
export { ProgramParams } from "../programs/schema.ts";
export { TermParams } from "../terms/schema.ts";
