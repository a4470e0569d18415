/** Thrown only when a text is not a term page at all (empty, binary, or with no title, projects or timeline). */
export class TermPageError extends Error {
  override readonly name = "TermPageError";

  /** The file the text came from, when the caller named it. */
  readonly fileName: string | undefined;

  constructor(message: string, fileName?: string) {
    // One line, prefixed with the file so a batch report can be read on its own.
    super(fileName ? `${fileName}: ${message}` : message);
    this.fileName = fileName;
  }
}
