import fs from "node:fs";
import type { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { TermSetupBody } from "../schemas/term-setup.ts";

/** The largest setup file Cohort reads: a term's settings and at most 40 timeline rows fit in far less. */
const MAX_SETUP_BYTES = 256 * 1024;

/**
 * Reads the JSON file of `cohort term create` and checks it against the shape the API takes,
 * refusing with one line that names the file and the field at fault ("timeline row 2, startsLocal: ...").
 */
export function readTermSetupFile(file: string): TermSetupBody {
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_SETUP_BYTES)
      throw new AppError("INVALID_INPUT", `${file}: is larger than a term's setup can be (${MAX_SETUP_BYTES / 1024} KB)`);
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    throw new AppError("INVALID_INPUT", code === "ENOENT" ? `${file}: no such file` : `${file}: cannot be read (${code ?? "unknown error"})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError("INVALID_INPUT", `${file}: is not JSON (${(error as Error).message})`);
  }
  const parsed = TermSetupBody.safeParse(json);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw new AppError("INVALID_INPUT", `${file}: ${issue ? `${fieldName(issue)}: ${issue.message}` : "is not a term's setup"}`);
}

/** Where an issue is, as a person finds it in the file: "timeline row 2, startsLocal". */
function fieldName(issue: z.core.$ZodIssue): string {
  const [first, index, ...rest] = issue.path.map(String);
  if (first === "timeline" && index !== undefined && /^\d+$/.test(index)) {
    return `timeline row ${Number(index) + 1}${rest.length > 0 ? `, ${rest.join(".")}` : ""}`;
  }
  return issue.path.length > 0 ? issue.path.map(String).join(".") : "the file";
}
