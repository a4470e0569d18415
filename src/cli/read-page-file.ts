import fs from "node:fs";
import { AppError } from "../errors/app-error.ts";

/** The largest page Cohort reads; the largest real term page is about 100 KB. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;

/**
 * Reads a Markdown file for the term-page commands, refusing with one clear line what is
 * missing, a folder, too large, binary or not UTF-8 text.
 */
export function readPageFile(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new AppError("INVALID_INPUT", code === "ENOENT" ? `${file}: no such file` : `${file}: cannot be read (${code ?? "unknown error"})`);
  }
  if (stat.isDirectory()) throw new AppError("INVALID_INPUT", `${file}: is a folder; name the Markdown file inside it (e.g. ${file}/README.md)`);
  if (stat.size > MAX_PAGE_BYTES) {
    throw new AppError(
      "INVALID_TERM_PAGE",
      `${file}: is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a term page is at most ${MAX_PAGE_BYTES / 1024 / 1024} MB`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new AppError("INVALID_INPUT", `${file}: cannot be read (${(error as { code?: string }).code ?? "unknown error"})`);
  }
  if (bytes.includes(0)) throw new AppError("INVALID_TERM_PAGE", `${file}: is a binary file, not a Markdown term page`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID_TERM_PAGE", `${file}: is not UTF-8 text; save it as UTF-8 Markdown`);
  }
}
