import type { ReactNode } from "react";
import { FieldErrorText, fieldId } from "./field.tsx";
import "./forms.css";

/**
 * A list of one-line entries (mentors, issue links) as rows of inputs, each with a Remove button
 * and the server's words about it (`mentors.1`), and a button that adds a row. Each input is
 * labelled with its number, so "Mentor 2" is what a screen reader says.
 */
export function TextRows({
  name,
  legend,
  hint,
  rowLabel,
  addLabel,
  values,
  onChange,
  errors,
  inputType = "text",
  placeholder,
  extra,
  max,
}: {
  name: string;
  legend: string;
  hint: ReactNode;
  rowLabel: string;
  addLabel: string;
  values: string[];
  onChange(values: string[]): void;
  errors: (field: string) => string | undefined;
  inputType?: "text" | "url";
  placeholder?: string;
  /** Something to show beside a row, e.g. the mentor's answer. */
  extra?: (value: string, index: number) => ReactNode;
  /** The most rows the server takes: the add button goes once there are as many. */
  max?: number;
}) {
  const setAt = (index: number, value: string) => onChange(values.map((existing, at) => (at === index ? value : existing)));
  const listError = errors(name);
  return (
    <fieldset className={listError ? "field rows-field field-invalid" : "field rows-field"} aria-describedby={`${fieldId(name)}-hint`}>
      <legend>{legend}</legend>
      <p className="field-hint" id={`${fieldId(name)}-hint`}>
        {hint}
      </p>
      {values.length > 0 ? (
        <ol className="row-list">
          {values.map((value, index) => {
            const id = fieldId(`${name}.${index}`);
            const error = errors(`${name}.${index}`);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place; the value changes as it is typed.
              <li key={index} className="row-item">
                <label htmlFor={id} className="visually-hidden">
                  {rowLabel} {index + 1}
                </label>
                <div className="row-line">
                  <input
                    id={id}
                    className="input"
                    type={inputType}
                    value={value}
                    placeholder={placeholder}
                    spellCheck={false}
                    autoCapitalize="off"
                    onChange={(event) => setAt(index, event.target.value)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  />
                  <button type="button" className="button" onClick={() => onChange(values.filter((_, at) => at !== index))}>
                    Remove<span className="visually-hidden"> {`${rowLabel.toLowerCase()} ${index + 1}`}</span>
                  </button>
                </div>
                {extra?.(value, index)}
                <FieldErrorText id={`${id}-error`} error={error} />
              </li>
            );
          })}
        </ol>
      ) : null}
      {max === undefined || values.length < max ? (
        <button type="button" className="button" onClick={() => onChange([...values, ""])}>
          {addLabel}
        </button>
      ) : null}
      <FieldErrorText id={`${fieldId(name)}-error`} error={listError} />
    </fieldset>
  );
}
