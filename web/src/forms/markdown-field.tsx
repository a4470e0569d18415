import { FieldErrorText, fieldId } from "./field.tsx";
import "./forms.css";

/** "1,234 / 6,000 characters", and whether the text is over the limit. */
export function characterCount(text: string, limit: number): { words: string; over: boolean } {
  const used = [...text].length;
  return { words: `${used.toLocaleString("en")} / ${limit.toLocaleString("en")} characters`, over: used > limit };
}

/**
 * A labelled textarea for Markdown, with its hint and the server's words. With a `limit` it
 * counts the characters as they are typed and says past the limit, before anything is sent,
 * that the text is too long (the count is read by screen readers only when asked, so typing
 * stays quiet).
 */
export function MarkdownField({
  name,
  label,
  hint,
  value,
  rows,
  onChange,
  error,
  disabled = false,
  limit,
  required = false,
}: {
  name: string;
  label: string;
  hint: string;
  value: string;
  rows: number;
  onChange(value: string): void;
  error: string | undefined;
  disabled?: boolean;
  limit?: number;
  required?: boolean;
}) {
  const id = fieldId(name);
  const count = limit === undefined ? null : characterCount(value, limit);
  const over = limit === undefined ? 0 : [...value].length - limit;
  const tooLong =
    over > 0
      ? `${over.toLocaleString("en")} ${over === 1 ? "character" : "characters"} too many: shorten it to ${limit?.toLocaleString("en")} so it can be saved`
      : undefined;
  const shown = error ?? tooLong;
  const describedBy = [`${id}-hint`, count ? `${id}-count` : null, shown ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={shown ? "field field-invalid" : "field"}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required-mark"> (required)</span> : null}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <textarea
        id={id}
        className="input markdown-input"
        rows={rows}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy}
      />
      {count ? (
        <p className={count.over ? "char-count char-count-over" : "char-count"} id={`${id}-count`}>
          {count.words}
        </p>
      ) : null}
      <FieldErrorText id={`${id}-error`} error={shown} />
    </div>
  );
}
