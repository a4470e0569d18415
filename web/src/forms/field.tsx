import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useState } from "react";
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

/** The server's words about one field, beside it, said as an error in words and shape, not colour alone. */
export function FieldErrorText({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={id}>
      <span className="field-error-icon" aria-hidden="true" />
      <span className="visually-hidden">Error: </span>
      {capitalize(error)}
    </p>
  );
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
      <FieldErrorText id={`${fieldId(name)}-error`} error={error} />
    </div>
  );
}

/** A labelled text input with its hint and the server's error beside it. */
export function TextField({ name, label, hint, badge, error, className, ...input }: TextFieldProps) {
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

type TextFieldProps = FieldFrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">;

/** An email address field: the keyboard, autofill and spelling settings an address needs. */
export function EmailField(props: Omit<TextFieldProps, "type">) {
  return <TextField type="email" autoComplete="email" inputMode="email" spellCheck={false} {...props} />;
}

/**
 * A password field with a Show button beside it: the button keeps its name and says whether the
 * password is shown with aria-pressed, so a screen reader hears "Show password, toggle button, pressed".
 */
export function PasswordField({ name, label, hint, badge, error, ...input }: Omit<TextFieldProps, "type">) {
  const [shown, setShown] = useState(false);
  return (
    <FieldFrame name={name} label={label} hint={hint} badge={badge} error={error}>
      <div className="password-row">
        <input
          {...input}
          type={shown ? "text" : "password"}
          id={fieldId(name)}
          name={name}
          className="input"
          autoCapitalize="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, hint, error)}
        />
        <button type="button" className="button password-toggle" aria-pressed={shown} aria-controls={fieldId(name)} onClick={() => setShown(!shown)}>
          Show<span className="visually-hidden"> password</span>
        </button>
      </div>
    </FieldFrame>
  );
}

/** One option of a ChoiceField: its value, its label, and what choosing it means. */
export interface Choice<V extends string> {
  value: V;
  label: ReactNode;
  hint?: ReactNode;
}

/** A group of radio buttons under a legend, each with what it means, and the server's error below. */
export function ChoiceField<V extends string>({
  name,
  legend,
  choices,
  value,
  onChange,
  error,
}: {
  name: string;
  legend: ReactNode;
  choices: readonly Choice<V>[];
  value: NoInfer<V>;
  onChange: (value: NoInfer<V>) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset className={error ? "field choice-group field-invalid" : "field choice-group"} aria-describedby={error ? `${fieldId(name)}-error` : undefined}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <div className="choice" key={choice.value}>
          <div className="check-row">
            <input
              type="radio"
              id={`${name}-${choice.value}`}
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-describedby={choice.hint ? `${name}-${choice.value}-hint` : undefined}
            />
            <label htmlFor={`${name}-${choice.value}`}>{choice.label}</label>
          </div>
          {choice.hint ? (
            <p className="choice-hint" id={`${name}-${choice.value}-hint`}>
              {choice.hint}
            </p>
          ) : null}
        </div>
      ))}
      <FieldErrorText id={`${fieldId(name)}-error`} error={error} />
    </fieldset>
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
      <FieldErrorText id={`${fieldId(name)}-error`} error={error} />
    </div>
  );
}

/**
 * Who can see a profile field: said in words, with a shape, never colour alone. `applications`
 * is what an applicant shows with an application: the mentors of the project applied to and the
 * program's admins.
 */
export function VisibilityBadge({ visibility }: { visibility: "public" | "applications" | "admins" | "private" }) {
  const words = { public: "Public", applications: "Mentors you apply to", admins: "Program admins", private: "Only you" }[visibility];
  return (
    <span className={`visibility visibility-${visibility}`}>
      <span className="visibility-icon" aria-hidden="true" />
      <span className="visually-hidden">Who can see it: </span>
      {words}
    </span>
  );
}
