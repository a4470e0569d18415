import { useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { APPLICATION_LINKS_MAX, COVER_LETTER_MAX_LENGTH } from "../../../../src/domain/application-states.ts";
import type { Application, ApplicationBody, ApplicationForm } from "../../../../src/schemas/application.ts";
import { type ApiError, asApiError } from "../../api/api-error.ts";
import { pagePaths } from "../../api/paths.ts";
import { sendJson } from "../../api/send-json.ts";
import { AutosaveStatusLine } from "../../forms/autosave-status.tsx";
import { fieldId } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { MarkdownField } from "../../forms/markdown-field.tsx";
import { TextRows } from "../../forms/text-rows.tsx";
import { useAutosave } from "../../forms/use-autosave.ts";
import { instantInSentence } from "../../time/format-date.ts";
import {
  type ApplicationDraft,
  answerField,
  bodyOfDraft,
  changesSince,
  draftFromApplication,
  fieldErrorsOf,
  localProblems,
  savedBody,
} from "./application-draft.ts";
import { applicationApi } from "./application-paths.ts";
import { ApplicationQuestions } from "./application-questions.tsx";
import { ApplicationStateLine } from "./application-view.tsx";

/** The applications that use up the caller's limit, each linked to its own form. */
export function CapList({ cap }: { cap: ApplicationForm["cap"] }) {
  if (cap.applications.length === 0) return null;
  return (
    <ul className="cap-list">
      {cap.applications.map((used) => (
        <li key={used.projectSlug}>
          <Link href={pagePaths.apply(used.projectSlug)}>{used.projectTitle}</Link>
        </li>
      ))}
    </ul>
  );
}

/** The form fields in the order a person meets them, so a refusal's focus lands on the first field named. */
function fieldOrder(form: ApplicationForm, draft: ApplicationDraft): string[] {
  return ["coverLetter", ...form.questions.map(answerField), ...draft.links.map((_, index) => `links.${index}`), "links"];
}

/**
 * The applicant's form for one project: the cover letter with its count, the project's tasks
 * and questions, links; saved as it is typed (the first keystroke makes the draft), submitted
 * with a new Idempotency-Key per click, and withdrawn after a confirmation. What the server
 * refuses is said beside the field it names, or above the buttons, with the applications that
 * use up the limit when that is the reason.
 */
export function ApplicationEditor({ form, onChanged }: { form: ApplicationForm; onChanged(): void }) {
  const [application, setApplication] = useState<Application | null>(form.application);
  const [draft, setDraft] = useState<ApplicationDraft>(() => draftFromApplication(form.application));
  const [submitErrors, setSubmitErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [focusField, setFocusField] = useState<string | null>(null);
  // A second click while a submission is on its way does nothing: one click, one key, one application.
  const submitting = useRef(false);
  const { questions } = form;
  const slug = form.project.slug;

  const autosave = useAutosave<ApplicationBody>({
    saved: savedBody(form.application, questions),
    changesSince: (saved) => changesSince(saved, draft, questions),
    send: async (body) => setApplication(await sendJson<Application>("PUT", applicationApi.form(slug), body)),
  });
  const local = localProblems(draft, questions);
  const serverErrors = fieldErrorsOf(
    [...autosave.fieldErrors].map(([field, detail]) => ({ field, detail })),
    questions,
  );
  const errors = (field: string) => local.get(field) ?? submitErrors.get(field) ?? serverErrors.get(field);

  useEffect(() => {
    if (!focusField) return;
    document.getElementById(fieldId(focusField))?.focus();
    setFocusField(null);
  }, [focusField]);

  const state = application?.state ?? null;
  const submitted = state === "submitted";
  const canSubmit = form.window.open && (state === null || state === "draft" || state === "withdrawn");
  const blockedBy = !form.accepting.accepting ? form.accepting.reason : null;
  const closes = form.window.closesAt ? instantInSentence(form.window.closesAt, form.term.timeZone) : null;

  const submit = async () => {
    if (submitting.current) return;
    setResult(null);
    setFailure(null);
    if (local.size > 0) {
      setFocusField(fieldOrder(form, draft).find((field) => local.has(field)) ?? null);
      return;
    }
    submitting.current = true;
    setBusy(true);
    try {
      if (!(await autosave.saveNow())) {
        setResult("The application could not be saved, so it was not submitted: see the message above the form.");
        return;
      }
      const answer = await sendJson<Application>("POST", applicationApi.submit(slug), bodyOfDraft(draft, questions), {
        "Idempotency-Key": crypto.randomUUID(),
      });
      setApplication(answer);
      setSubmitErrors(new Map());
      setResult(
        `Submitted. A confirmation is on its way to your email. You can edit or withdraw it until ${closes ?? "applications close"}; the mentors read it after that.`,
      );
      onChanged();
    } catch (caught) {
      const error = asApiError(caught);
      const byField = fieldErrorsOf(error.errors, questions);
      setSubmitErrors(byField);
      setFailure(error);
      setFocusField(fieldOrder(form, draft).find((field) => byField.has(field)) ?? null);
      // The form's limit, window and eligibility may have moved on: read them again.
      onChanged();
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  };

  const withdraw = async () => {
    if (!application) return;
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      const answer = await sendJson<Application>("POST", applicationApi.withdraw(application.id));
      setApplication(answer);
      setConfirmWithdraw(false);
      setResult(closes ? `Withdrawn. It no longer counts towards your limit; you may apply again until ${closes}.` : "Withdrawn.");
      onChanged();
    } catch (caught) {
      setFailure(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="application-editor">
      <section className="panel application-status" aria-labelledby="status-heading">
        <h2 id="status-heading">Your application</h2>
        <ApplicationStateLine application={application} closes={closes} />
        <p className="muted small">
          {form.cap.used >= form.cap.limit && !submitted
            ? `You have submitted ${form.cap.used} of the ${form.cap.limit} applications ${form.term.title} allows: withdraw one to apply here.`
            : `${form.term.title} allows ${form.cap.limit} submitted applications per applicant; you have submitted ${form.cap.used}.`}
        </p>
        <CapList cap={form.cap} />
      </section>

      <form className="application-form" aria-labelledby="form-heading" onSubmit={(event) => event.preventDefault()} noValidate>
        <h2 id="form-heading">{submitted ? "Edit your application" : "Write your application"}</h2>
        <AutosaveStatusLine autosave={autosave} />
        {submitted ? <p className="muted small">Your application is submitted: what you change here is saved to it as you type, until {closes}.</p> : null}
        <MarkdownField
          name="coverLetter"
          label="Cover letter"
          hint="Why this project, what you have done that prepares you for it, and how you would go about it. Markdown: **bold**, lists, [links](https://…)."
          value={draft.coverLetter}
          rows={14}
          limit={COVER_LETTER_MAX_LENGTH}
          required
          onChange={(coverLetter) => setDraft({ ...draft, coverLetter })}
          error={submitErrors.get("coverLetter") ?? serverErrors.get("coverLetter")}
        />
        <ApplicationQuestions
          questions={questions}
          answers={draft.answers}
          onChange={(questionId, answer) => setDraft({ ...draft, answers: { ...draft.answers, [questionId]: answer } })}
          errors={errors}
          disabled={false}
        />
        <TextRows
          name="links"
          legend="Links"
          hint={`Your work that shows what you can do: a portfolio, pull requests, a CV. Up to ${APPLICATION_LINKS_MAX}, each starting with https://.`}
          rowLabel="Link"
          addLabel="Add a link"
          inputType="url"
          placeholder="https://github.com/you/project"
          max={APPLICATION_LINKS_MAX}
          values={draft.links}
          onChange={(links) => setDraft({ ...draft, links })}
          errors={errors}
        />
      </form>

      <section className="panel application-actions" aria-label="Submit or withdraw">
        <FormError id="application-action" error={failure}>
          {/* The same code says a project's soft cap is reached; the list belongs only to the applicant's own limit. */}
          {failure?.code === "LIMIT_REACHED" && form.cap.used >= form.cap.limit ? <CapList cap={form.cap} /> : null}
        </FormError>
        {result ? <Notice title={result} /> : null}
        {canSubmit && blockedBy ? <p className="apply-reason">{blockedBy}</p> : null}
        <div className="actions">
          {canSubmit && !blockedBy ? (
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void submit()}>
              {state === "withdrawn" ? "Apply again" : "Submit the application"}
            </button>
          ) : null}
          {submitted && form.window.open && !confirmWithdraw ? (
            <button type="button" className="button" disabled={busy} onClick={() => setConfirmWithdraw(true)}>
              Withdraw…
            </button>
          ) : null}
        </div>
        {canSubmit && !blockedBy ? (
          <p className="muted small">
            Submitting sends your application to the project's mentors once applications close; until then you can still edit or withdraw it.
          </p>
        ) : null}
        {confirmWithdraw ? (
          <fieldset className="confirm">
            <legend className="visually-hidden">Withdraw the application</legend>
            <p>
              Withdraw your application to “{form.project.title}”? The mentors will not read it, and it stops counting towards your limit. You may apply again
              while applications are open.
            </p>
            <p className="actions">
              <button type="button" className="button button-danger" disabled={busy} onClick={() => void withdraw()}>
                Withdraw the application
              </button>
              <button type="button" className="button" onClick={() => setConfirmWithdraw(false)}>
                Keep it
              </button>
            </p>
          </fieldset>
        ) : null}
      </section>
    </div>
  );
}
