import { writeTermPage } from "../../termpages/index.ts";
import { type BuildTermPageDataOptions, buildTermPageData } from "./build-term-page-data.ts";

/**
 * A term as its canonical Markdown page: `cohort export` prints it and the admin's "Export term
 * page" downloads it, so both write the same page.
 */
export async function exportTermPage(options: BuildTermPageDataOptions): Promise<string> {
  return writeTermPage(await buildTermPageData(options));
}
