import { useState } from "react";
import type { MentorshipView } from "../../../../src/schemas/mentorship.ts";
import { sendJson } from "../../api/send-json.ts";
import { ChoiceField, TextField } from "../../forms/field.tsx";
import { FormError } from "../../forms/form-error.tsx";
import { useForm } from "../../forms/use-form.ts";
import { mentorshipApi } from "./mentorship-api.ts";

/** The admins' ending of a mentorship: why, and what becomes of its pending installments, after a confirmation. */
export function EndMentorshipForm({ view, onSaved }: { view: MentorshipView; onSaved(next: MentorshipView): void }) {
  const [reason, setReason] = useState("");
  const [remaining, setRemaining] = useState<"withheld" | "pro_rata">("withheld");
  const [confirming, setConfirming] = useState(false);
  const form = useForm(
    ["reason", "remaining"] as const,
    async () => {
      if (!confirming) {
        setConfirming(true);
        return;
      }
      onSaved(await sendJson<MentorshipView>("POST", mentorshipApi.end(view.id), { reason, remaining }));
    },
    { formId: "end", namePrefix: "end-", required: () => ({ reason: !reason.trim() && "Say why the mentorship ends." }) },
  );
  return (
    <form className="stack panel" noValidate onSubmit={form.onSubmit} aria-labelledby="end-heading">
      <h2 id="end-heading">End the mentorship</h2>
      <FormError id="end" error={form.errors.form} />
      <TextField name="end-reason" label="Why it ends" value={reason} onChange={(event) => setReason(event.target.value)} error={form.errors.fields.reason} />
      <ChoiceField
        name="end-remaining"
        legend="Its installments still pending"
        value={remaining}
        onChange={setRemaining}
        choices={[
          { value: "withheld", label: "Withhold them" },
          { value: "pro_rata", label: "Pay them pro rata", hint: "Each for the share of its period served until today." },
        ]}
        error={form.errors.fields.remaining}
      />
      {confirming ? (
        <fieldset className="confirm confirm-box">
          <legend>End the mentorship of {view.mentee.name}?</legend>
          <p className="small">The mentee and the mentors are told by email; this cannot be undone.</p>
          <p className="actions">
            <button type="submit" className="button button-danger" disabled={form.busy}>
              End it
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </p>
        </fieldset>
      ) : (
        <p className="actions">
          <button type="submit" className="button">
            End the mentorship…
          </button>
        </p>
      )}
    </form>
  );
}
