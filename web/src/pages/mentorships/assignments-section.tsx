import { useState } from "react";
import type { MentorshipView } from "../../../../src/schemas/mentorship.ts";
import { sendJson } from "../../api/send-json.ts";
import { DateTimeText } from "../../components/date-time-text.tsx";
import { ServerSanitizedHtml } from "../../components/server-sanitized-html.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { MarkdownField } from "../../forms/markdown-field.tsx";
import { useForm } from "../../forms/use-form.ts";
import { mentorshipApi } from "./mentorship-api.ts";

/** The initial work assignments: what the mentors wrote, and their form while the mentorship is active. */
export function AssignmentsSection({ view, onSaved }: { view: MentorshipView; onSaved(next: MentorshipView): void }) {
  const [editing, setEditing] = useState(false);
  const canWrite = view.viewer.canEvaluate;
  return (
    <section className="panel stack" aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">Initial work assignments</h2>
      {view.assignments ? (
        <>
          <ServerSanitizedHtml className="prose" html={view.assignments.html} />
          <p className="small muted">
            Updated <DateTimeText iso={view.assignments.updatedAt} timeZone={view.term.timeZone} />
          </p>
        </>
      ) : (
        <p className="muted small">{canWrite ? "Write the mentee's first tasks in the first week." : "The mentors write them in the first week."}</p>
      )}
      {canWrite && (editing || !view.assignments) ? (
        <AssignmentsForm
          view={view}
          onSaved={(next) => {
            onSaved(next);
            setEditing(false);
          }}
        />
      ) : canWrite ? (
        <p>
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Edit the assignments
          </button>
        </p>
      ) : null}
    </section>
  );
}

function AssignmentsForm({ view, onSaved }: { view: MentorshipView; onSaved(next: MentorshipView): void }) {
  const [markdown, setMarkdown] = useState(view.assignments?.markdown ?? "");
  const [saved, setSaved] = useState(false);
  const form = useForm(
    ["markdown"] as const,
    async () => {
      onSaved(await sendJson<MentorshipView>("PUT", mentorshipApi.assignments(view.id), { markdown }));
      setSaved(true);
    },
    { formId: "assignments", required: () => ({ markdown: !markdown.trim() && "List at least one assignment." }) },
  );
  return (
    <form className="stack" noValidate onSubmit={form.onSubmit} aria-label="Write the initial work assignments">
      <FormError id="assignments" error={form.errors.form} />
      <MarkdownField
        name="markdown"
        label="Assignments"
        hint="Markdown: a list of tasks with links to issues works well."
        rows={6}
        limit={20_000}
        value={markdown}
        onChange={setMarkdown}
        error={form.errors.fields.markdown}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? "Saving…" : "Save the assignments"}
        </button>
        <div className="form-status">{saved ? <Notice title="Saved." /> : null}</div>
      </div>
    </form>
  );
}
