import { type FormEvent, useState } from "react";
import type { ApplicationSettingsBody, MentoringProject } from "../../../../src/schemas/application-board.ts";
import { type ApiError, asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { TextField } from "../../forms/field.tsx";
import { FormError } from "../../forms/form-error.tsx";
import { boardApi } from "./board-paths.ts";

/**
 * The mentors' soft cap of one project: a number (or none) saved with its own button. It says
 * plainly that lowering it below the count closes the project to new applications and removes none.
 */
export function CapForm({ item, onSaved }: { item: MentoringProject; onSaved(updated: MentoringProject): void }) {
  const [value, setValue] = useState(item.counts.applicationCap === null ? "" : String(item.counts.applicationCap));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const save = (applicationCap: number | null) => {
    setBusy(true);
    setError(null);
    sendJson<MentoringProject>("PATCH", boardApi.settings(item.project.slug), { applicationCap } satisfies ApplicationSettingsBody).then(
      (updated) => {
        setBusy(false);
        setValue(updated.counts.applicationCap === null ? "" : String(updated.counts.applicationCap));
        onSaved(updated);
      },
      (caught: unknown) => {
        setBusy(false);
        setError(asApiError(caught));
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(value.trim() === "" ? null : Number(value));
  };
  // The server names the field it refuses; its words go beside the input.
  const fieldError = error?.errors.find((problem) => problem.field === "applicationCap")?.detail;
  return (
    // The server's words say what is wrong with a cap, beside the field, the same in every browser.
    <form className="cap-form" noValidate onSubmit={submit} aria-label={`Soft cap of “${item.project.title}”`}>
      <TextField
        name={`cap-${item.project.slug}`}
        label="Soft cap on submitted applications"
        hint="Once this many are submitted, the project takes no new applications. Lowering it below the count closes the project to new applications but never removes one already submitted. Leave it empty for no cap."
        type="number"
        inputMode="numeric"
        min={1}
        max={100000}
        step={1}
        className="cap-input"
        value={value}
        error={fieldError}
        onChange={(event) => setValue(event.target.value)}
      />
      <div className="cap-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save cap
        </button>
        {item.counts.applicationCap !== null ? (
          <button type="button" className="button" disabled={busy} onClick={() => save(null)}>
            Remove cap
          </button>
        ) : null}
      </div>
      {fieldError ? null : <FormError id={`cap-${item.project.slug}-form`} error={error} />}
    </form>
  );
}
