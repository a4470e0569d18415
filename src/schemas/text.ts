import { z } from "zod";

// Control characters (C0, DEL, C1), line and paragraph separators, and unpaired surrogates:
// nothing a person types on one line, and PostgreSQL refuses NUL outright ("invalid byte
// sequence"), so they are refused at the edge on every engine alike.
const CONTROL = /[\p{Cc}\u2028\u2029]|\p{Cs}/u;

// Characters that change how a name looks without being seen: bidi embeddings, overrides and
// isolates, and zero-width characters. The zero-width (non-)joiner is kept between letters,
// where Persian and the Indic scripts need it.
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]|(?<![\p{L}\p{M}])[\u200C\u200D]|[\u200C\u200D](?![\p{L}\p{M}])/u;

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A line of text from a request: any characters but control characters (NUL, line breaks, ...). */
export const SingleLineText = z.string().superRefine((text, context) => {
  const found = CONTROL.exec(text);
  if (found)
    context.addIssue({
      code: "custom",
      params: { code: "invalid_characters" },
      message: `must not contain control characters such as NUL or line breaks (found ${codePoint(found[0])} at character ${found.index + 1}); remove it`,
    });
});

/** A name other people see: a line of text without invisible bidi or zero-width characters that could disguise it. */
export const DisplayName = SingleLineText.superRefine((text, context) => {
  const found = INVISIBLE.exec(text);
  if (found)
    context.addIssue({
      code: "custom",
      params: { code: "invalid_characters" },
      message: `must not contain invisible formatting characters such as bidi overrides or zero-width spaces (found ${codePoint(found[0])} at character ${found.index + 1}); type the name without it`,
    });
});

/** A line of at most `max` characters, trimmed. */
export const LineOf = (max: number) => SingleLineText.pipe(z.string().trim().max(max, `must be at most ${max} characters`));

/** Markdown a person writes, at most `max` characters; the server renders and sanitizes it. */
export const MarkdownOf = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((text) => !text.includes("\u0000"), "must not contain NUL characters")
    .describe("Markdown; rendered and sanitized by the server.");
