import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { type ApiError, asApiError } from "../api/api-error.ts";
import { fieldId } from "./field.tsx";

/** What went wrong with the last submission: words per field, and what belongs to no field. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  form: ApiError | null;
}

/** A form's submission state: whether it is sending, and the errors of the last attempt. */
export interface FormState<F extends string> {
  busy: boolean;
  errors: FormErrors<F>;
  /** The onSubmit handler: runs `action`, and sorts its failure onto the fields it names. */
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  /** Forgets the errors, e.g. when the form is shown again. */
  reset(): void;
}

const NONE = { fields: {}, form: null };

/**
 * Submits a form through `action` and puts the server's words beside the field its `errors`
 * member names; other failures go above the form. Focus moves to the first field in
 * error, or to the form's error message, so keyboard and screen reader users land on it.
 * `fieldOf` can send a failure that names no field to one (a wrong password to the password).
 */
export function useForm<F extends string>(
  fields: readonly F[],
  action: () => Promise<void>,
  options: {
    fieldOf?: (error: ApiError) => F | undefined;
    formId?: string;
    /** Words for fields left empty, checked before sending (the server checks everything else). */
    required?: () => Partial<Record<F, string | false>>;
    /** Prefixes the inputs' names, for a second form on a page whose fields the API names alike ("copy-" + "title"). */
    namePrefix?: string;
  } = {},
): FormState<F> {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<F>>(NONE);
  const focusNext = useRef(false);
  const { fieldOf, formId, required, namePrefix = "" } = options;

  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    const first = fields.find((field) => errors.fields[field]);
    if (first) document.getElementById(fieldId(`${namePrefix}${first}`))?.focus();
    else if (errors.form && formId) document.getElementById(`${formId}-error`)?.focus();
  }, [errors, fields, formId, namePrefix]);

  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (busy) return;
      const missing = Object.fromEntries(Object.entries(required?.() ?? {}).filter(([, words]) => words)) as Partial<Record<F, string>>;
      if (Object.keys(missing).length > 0) {
        focusNext.current = true;
        setErrors({ fields: missing, form: null });
        return;
      }
      setBusy(true);
      setErrors(NONE);
      action().then(
        () => setBusy(false),
        (caught: unknown) => {
          const error = asApiError(caught);
          const known = new Set<string>(fields);
          const byField: Partial<Record<F, string>> = {};
          for (const problem of error.errors) {
            if (known.has(problem.field) && !byField[problem.field as F]) byField[problem.field as F] = problem.detail;
          }
          const forced = Object.keys(byField).length === 0 ? fieldOf?.(error) : undefined;
          if (forced) byField[forced] = error.message;
          focusNext.current = true;
          setErrors({ fields: byField, form: Object.keys(byField).length === 0 ? error : null });
          setBusy(false);
        },
      );
    },
    [busy, action, fields, fieldOf, required],
  );

  const reset = useCallback(() => setErrors(NONE), []);
  return { busy, errors, onSubmit, reset };
}
