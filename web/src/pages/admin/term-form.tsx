import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { type ApiError, asApiError } from "../../api/api-error.ts";
import { fieldId, TextField } from "../../forms/field.tsx";
import { TimeZoneField } from "../../forms/time-zone-field.tsx";
import { type DraftErrors, dateProblem, draftErrors, formFieldOf, type TermDraft, timelineBody, withTitle } from "./term-draft.ts";
import { rowName, TimelineEditor } from "./timeline-editor.tsx";

/** Every field of the form that can carry words, in the order the page shows them, with the name the summary gives it. */
function fieldsInOrder(draft: TermDraft): Array<{ field: string; label: string }> {
  const settings = [
    { field: "title", label: "Title" },
    { field: "slug", label: "Slug" },
    { field: "timeZone", label: "Time zone" },
    { field: "lengthWeeks", label: "Mentorship length" },
    { field: "slotBudget", label: "Slot budget" },
  ];
  const rows = draft.timeline.flatMap((row) => {
    const name = rowName(row);
    return [
      { field: `timeline-${row.key}`, label: name },
      { field: `timeline-${row.key}-activity`, label: `${name}: what happens` },
      { field: `timeline-${row.key}-startsLocal`, label: `${name}: start` },
      { field: `timeline-${row.key}-startsFold`, label: `${name}: which start` },
      { field: `timeline-${row.key}-endsLocal`, label: `${name}: end` },
      { field: `timeline-${row.key}-endsFold`, label: `${name}: which end` },
    ];
  });
  return [...settings, ...rows];
}

/** What a term form's submission left to fix: words per field, and a failure that names none. */
export interface TermFormState {
  busy: boolean;
  errors: DraftErrors;
  formError: ApiError | null;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  /** Submits again without an event, e.g. after the admin confirms what the first attempt asked. */
  submit(): void;
  /** Forgets a field's words once the admin changes it. */
  clear(field: string): void;
}

/**
 * Submits a term form through `action`: first what the form can judge itself, then the server's
 * `errors[]`, each put beside the row and field it names ("timeline.2.startsLocal" is the start
 * of the third row sent). Focus goes to the first field in error, in page order.
 */
export function useTermForm(draft: TermDraft, action: () => Promise<void>): TermFormState {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const focusNext = useRef(false);

  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    const first = fieldsInOrder(draft).find(({ field }) => errors[field]);
    if (first) document.getElementById(fieldId(first.field))?.focus();
    else if (formError) document.getElementById("term-form-error")?.focus();
  }, [errors, formError, draft]);

  const run = () => {
    if (busy) return;
    const found = draftErrors(draft);
    focusNext.current = true;
    setFormError(null);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    const { keys } = timelineBody(draft);
    const known = new Set(fieldsInOrder(draft).map(({ field }) => field));
    action().then(
      () => setBusy(false),
      (caught: unknown) => {
        const error = asApiError(caught);
        const byField: DraftErrors = {};
        for (const problem of error.errors) {
          const field = formFieldOf(problem.field, keys);
          if (known.has(field) && !byField[field]) byField[field] = problem.detail;
        }
        focusNext.current = true;
        setErrors(byField);
        setFormError(Object.keys(byField).length === 0 ? error : null);
        setBusy(false);
      },
    );
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    run();
  };

  const clear = useCallback((field: string) => {
    setErrors((previous) => {
      if (!(field in previous)) return previous;
      const { [field]: _gone, ...rest } = previous;
      return rest;
    });
  }, []);
  return { busy, errors, formError, onSubmit, submit: run, clear };
}

/** The list of what to fix, above the form, each a link that takes focus to its field. */
export function ErrorSummary({ draft, errors }: { draft: TermDraft; errors: DraftErrors }) {
  const listed = fieldsInOrder(draft).filter(({ field }) => errors[field]);
  if (listed.length === 0) return null;
  return (
    <section className="error-panel error-summary" aria-labelledby="term-errors-heading">
      <h2 id="term-errors-heading" className="error-summary-title">
        {listed.length === 1 ? "One thing to fix" : `${listed.length} things to fix`} before this term is saved
      </h2>
      <ul>
        {listed.map(({ field, label }) => (
          <li key={field}>
            <a
              href={`#${fieldId(field)}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(fieldId(field))?.focus();
              }}
            >
              {label}
            </a>
            : {errors[field]}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A term's settings and timeline: title, slug (following the title until typed, read-only once
 * published, saying why), time zone, mentorship length, slot budget, and the timeline rows.
 * Dates the zone cannot read are said beside them as they are typed.
 */
export function TermFields({
  draft,
  onChange,
  form,
  slugLocked,
  viewerZone,
}: {
  draft: TermDraft;
  onChange(draft: TermDraft): void;
  form: Pick<TermFormState, "errors" | "clear">;
  /** Why the slug cannot change any more, or null while it can. */
  slugLocked: string | null;
  viewerZone: string;
}) {
  const set = (field: string, next: TermDraft) => {
    form.clear(field);
    onChange(next);
  };
  // A time the zone skips is said at once, before any submission; the submission's words win.
  const live: DraftErrors = {};
  for (const row of draft.timeline) {
    for (const end of ["starts", "ends"] as const) {
      const problem = dateProblem(row, end, draft.timeZone);
      if (problem) live[`timeline-${row.key}-${end}Local`] = problem;
    }
  }
  const errors = { ...live, ...form.errors };
  return (
    <>
      <fieldset className="form-section">
        <legend>Settings</legend>
        <TextField
          name="title"
          label="Title"
          hint="As applicants will see it, such as Term 01 - 2026 March - May."
          value={draft.title}
          onChange={(event) => set("title", withTitle(draft, event.target.value))}
          error={errors.title}
        />
        <TextField
          name="slug"
          label="Slug"
          hint={slugLocked ?? `The term's address: /terms/${draft.slug || "…"}. Suggested from the title; lower-case letters, digits and hyphens.`}
          value={draft.slug}
          readOnly={slugLocked !== null}
          spellCheck={false}
          autoCapitalize="none"
          onChange={(event) => set("slug", { ...draft, slug: event.target.value, slugEdited: true })}
          error={errors.slug}
        />
        <TimeZoneField
          name="timeZone"
          label="Time zone"
          hint="Type a city or region and pick from the list. The timeline below is entered in this zone."
          value={draft.timeZone}
          onChange={(event) => set("timeZone", { ...draft, timeZone: event.target.value })}
          error={errors.timeZone}
        />
        <div className="form-row">
          <TextField
            name="lengthWeeks"
            label="Mentorship length"
            hint="In weeks, such as 12."
            inputMode="numeric"
            className="input-number"
            value={draft.lengthWeeks}
            onChange={(event) => set("lengthWeeks", { ...draft, lengthWeeks: event.target.value })}
            error={errors.lengthWeeks}
          />
          <TextField
            name="slotBudget"
            label="Slot budget (optional)"
            hint="Funded mentorships; empty takes the program's."
            inputMode="numeric"
            className="input-number"
            value={draft.slotBudget}
            onChange={(event) => set("slotBudget", { ...draft, slotBudget: event.target.value })}
            error={errors.slotBudget}
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Timeline</legend>
        <TimelineEditor
          rows={draft.timeline}
          timeZone={draft.timeZone}
          viewerZone={viewerZone}
          errors={errors}
          onChange={(timeline, field) => set(field, { ...draft, timeline })}
        />
      </fieldset>
    </>
  );
}
