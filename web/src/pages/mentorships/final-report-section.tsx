import { useState } from "react";
import type { MentorshipView } from "../../../../src/schemas/mentorship.ts";
import { sendJson } from "../../api/send-json.ts";
import { DateTimeText } from "../../components/date-time-text.tsx";
import { CheckboxField, TextField } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { MarkdownField } from "../../forms/markdown-field.tsx";
import { useForm } from "../../forms/use-form.ts";
import { mentorshipApi } from "./mentorship-api.ts";

/**
 * The mentee's final report (program feedback and their blog post's link), which the final
 * installment waits for with the final evaluation, and their choice to be listed as an alumnus.
 */
export function FinalReportSection({ view, onSaved }: { view: MentorshipView; onSaved(next: MentorshipView): void }) {
  const final = view.evaluations.find((evaluation) => evaluation.kind === "final");
  const isMentee = view.viewer.role === "mentee";
  return (
    <section className="panel stack" aria-labelledby="report-heading">
      <h2 id="report-heading">Final report</h2>
      {view.report ? (
        <dl className="facts">
          <div>
            <dt>Blog post</dt>
            <dd>
              <a href={view.report.blogUrl} rel="noopener noreferrer nofollow">
                {view.report.blogUrl}
              </a>
            </dd>
          </div>
          {view.report.feedback !== null ? (
            <div>
              <dt>Program feedback</dt>
              <dd className="prewrap">{view.report.feedback}</dd>
            </div>
          ) : null}
          <div>
            <dt>Submitted</dt>
            <dd>
              <DateTimeText iso={view.report.submittedAt} timeZone={view.term.timeZone} />
            </dd>
          </div>
        </dl>
      ) : (
        <p className="muted small">
          {isMentee
            ? "Your program feedback and the link to your blog post, due with the final evaluation."
            : "The mentee's program feedback and blog post are not in yet."}
        </p>
      )}
      {view.viewer.canReport && final?.open ? <ReportForm view={view} onSaved={onSaved} /> : null}
      {isMentee ? <AlumniChoice view={view} onSaved={onSaved} /> : null}
    </section>
  );
}

function ReportForm({ view, onSaved }: { view: MentorshipView; onSaved(next: MentorshipView): void }) {
  const [feedback, setFeedback] = useState(view.report?.feedback ?? "");
  const [blogUrl, setBlogUrl] = useState(view.report?.blogUrl ?? "");
  const [saved, setSaved] = useState(false);
  const form = useForm(
    ["feedback", "blogUrl"] as const,
    async () => {
      onSaved(await sendJson<MentorshipView>("PUT", mentorshipApi.report(view.id), { feedback, blogUrl }));
      setSaved(true);
    },
    {
      formId: "report",
      required: () => ({ feedback: !feedback.trim() && "Say how the program went for you.", blogUrl: !blogUrl.trim() && "Give the link to your blog post." }),
    },
  );
  return (
    <form className="stack" noValidate onSubmit={form.onSubmit} aria-label="Submit your final report">
      <FormError id="report" error={form.errors.form} />
      <MarkdownField
        name="feedback"
        label="How did the program go for you?"
        hint="The program's admins read it to make the next term better; your mentors do not."
        rows={5}
        limit={10_000}
        required
        value={feedback}
        onChange={setFeedback}
        error={form.errors.fields.feedback}
      />
      <TextField
        name="blogUrl"
        label="Your blog post"
        hint="A link starting with https://"
        type="url"
        value={blogUrl}
        onChange={(event) => setBlogUrl(event.target.value)}
        error={form.errors.fields.blogUrl}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? "Submitting…" : view.report ? "Update your report" : "Submit your report"}
        </button>
        <div className="form-status">{saved ? <Notice title="Your final report is in." /> : null}</div>
      </div>
    </form>
  );
}

function AlumniChoice({ view, onSaved }: { view: MentorshipView; onSaved(next: MentorshipView): void }) {
  const [problem, setProblem] = useState("");
  const listed = view.listedAsAlumni === true;
  return (
    <div className="stack">
      <CheckboxField
        name="listedAsAlumni"
        label="List me as an alumnus on the term's public page"
        hint="Once your mentorship is completed, the term's page shows your name and your project. You can change this at any time."
        checked={listed}
        onChange={async (event) => {
          setProblem("");
          try {
            onSaved(await sendJson<MentorshipView>("PUT", mentorshipApi.alumni(view.id), { listed: event.target.checked }));
          } catch (error) {
            setProblem((error as Error).message);
          }
        }}
      />
      <p className="small" role="status" aria-live="polite">
        {problem}
      </p>
    </div>
  );
}
