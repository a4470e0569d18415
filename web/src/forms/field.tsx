import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { capitalize } from "../text.ts";

/** The id of a form field's input, so labels, errors and focus agree on one spelling. */
export function fieldId(name: string): string {
  return `field-${name}`;
}

interface FieldFrameProps {
  name: string;
  label: ReactNode;
  /** Words under the label: what to type, or what happens with it. */
  hint?: ReactNode | undefined;
  /** Who can see what is typed here, e.g. a VisibilityBadge. */
  badge?: ReactNode | undefined;
  /** The server's words about this field, shown beside it. */
  error?: string | undefined;
}

function describedBy(name: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function FieldFrame({ name, label, hint, badge, error, children }: FieldFrameProps & { children: ReactNode }) {
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <div className="field-label-row">
        <label htmlFor={fieldId(name)}>{label}</label>
        {badge}
      </div>
      {hint ? (
        <p className="field-hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={`${fieldId(name)}-error`}>
          <span className="field-error-icon" aria-hidden="true" />
          <span className="visually-hidden">Error: </span>
          {capitalize(error)}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled text input with its hint and the server's error beside it. */
export function TextField({
  name,
  label,
  hint,
  badge,
  error,
  className,
  ...input
}: FieldFrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">) {
  return (
    <FieldFrame name={name} label={label} hint={hint} badge={badge} error={error}>
      <input
        {...input}
        id={fieldId(name)}
        name={name}
        className={className ? `input ${className}` : "input"}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </FieldFrame>
  );
}

/** A labelled select with its hint and the server's error beside it. */
export function SelectField({
  name,
  label,
  hint,
  badge,
  error,
  children,
  ...select
}: FieldFrameProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> & { children: ReactNode }) {
  return (
    <FieldFrame name={name} label={label} hint={hint} badge={badge} error={error}>
      <select
        {...select}
        id={fieldId(name)}
        name={name}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

/** A checkbox with its label beside it, a hint below, and the server's error. */
export function CheckboxField({
  name,
  label,
  hint,
  badge,
  error,
  ...input
}: FieldFrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "type">) {
  return (
    <div className={error ? "field field-check field-invalid" : "field field-check"}>
      <div className="check-row">
        <input
          {...input}
          type="checkbox"
          id={fieldId(name)}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, hint, error)}
        />
        <label htmlFor={fieldId(name)}>{label}</label>
        {badge}
      </div>
      {hint ? (
        <p className="field-hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${fieldId(name)}-error`}>
          <span className="field-error-icon" aria-hidden="true" />
          <span className="visually-hidden">Error: </span>
          {capitalize(error)}
        </p>
      ) : null}
    </div>
  );
}

/** Who can see a profile field: said in words, with a shape, never colour alone. */
export function VisibilityBadge({ visibility }: { visibility: "public" | "admins" | "private" }) {
  const words = { public: "Public", admins: "Program admins", private: "Only you" }[visibility];
  return (
    <span className={`visibility visibility-${visibility}`}>
      <span className="visibility-icon" aria-hidden="true" />
      <span className="visually-hidden">Who can see it: </span>
      {words}
    </span>
  );
}
