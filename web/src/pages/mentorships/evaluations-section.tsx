import { useState } from "react";
import type { MentorshipView } from "../../../../src/schemas/mentorship.ts";
import { sendJson } from "../../api/send-json.ts";
import { Chip } from "../../components/chip.tsx";
import { DateTimeText } from "../../components/date-time-text.tsx";
import { ChoiceField } from "../../forms/field.tsx";
import { FormError } from "../../forms/form-error.tsx";
import { MarkdownField } from "../../forms/markdown-field.tsx";
import { useForm } from "../../forms/use-form.ts";
import { mentorshipApi } from "./mentorship-api.ts";

type Evaluation = MentorshipView["evaluations"][number];

const KIND_WORDS = { midterm: "Midterm evaluation", final: "Final evaluation" } as const;

/** The mentorship's two evaluations: each window, what was submitted as the reader may see it, and the mentors' form while it is open. */
export function EvaluationsSection({ view, onSaved }: { view: MentorshipView; onSaved(next: MentorshipView): void }) {
  return (
    <section className="panel stack" aria-labelledby="evaluations-heading">
      <h2 id="evaluations-heading">Evaluations</h2>
      {view.evaluations.map((evaluation) => (
        <div key={evaluation.kind} className="stack evaluation" data-kind={evaluation.kind}>
          <h3>
            {KIND_WORDS[evaluation.kind]} <EvaluationChip evaluation={evaluation} />
          </h3>
          <p className="small">
            {evaluation.opensAt ? (
              <>
                Opens <DateTimeText iso={evaluation.opensAt} timeZone={view.term.timeZone} />
                {evaluation.dueAt ? (
                  <>
                    , due <DateTimeText iso={evaluation.dueAt} timeZone={view.term.timeZone} />
                  </>
                ) : null}
                .
              </>
            ) : (
              "The term's timeline has no date for it yet."
            )}
          </p>
          {evaluation.submitted ? <Submitted evaluation={evaluation} view={view} /> : null}
          {!evaluation.submitted && view.viewer.canEvaluate && evaluation.open ? <EvaluationForm view={view} kind={evaluation.kind} onSaved={onSaved} /> : null}
          {!evaluation.submitted && view.viewer.role === "mentor" && !evaluation.open && view.state === "active" ? (
            <p className="muted small">The form opens with the window.</p>
          ) : null}
        </div>
      ))}
    </section>
  );
}

function EvaluationChip({ evaluation }: { evaluation: Evaluation }) {
  if (evaluation.submitted)
    return <Chip tone={evaluation.submitted.outcome === "pass" ? "open" : "closed"}>{evaluation.submitted.outcome === "pass" ? "Passed" : "Not passed"}</Chip>;
  if (evaluation.overdue) return <Chip tone="error">Overdue</Chip>;
  if (evaluation.open) return <Chip tone="closing">Open now</Chip>;
  return <Chip tone="neutral">Not submitted</Chip>;
}

function Submitted({ evaluation, view }: { evaluation: Evaluation; view: MentorshipView }) {
  const submitted = evaluation.submitted;
  if (!submitted) return null;
  return (
    <dl className="facts">
      <div>
        <dt>Submitted</dt>
        <dd>
          <DateTimeText iso={submitted.at} timeZone={view.term.timeZone} />
        </dd>
      </div>
      <div>
        <dt>To the mentee</dt>
        <dd className="prewrap">{submitted.toMentee || "No comments."}</dd>
      </div>
      {submitted.toAdmins !== null ? (
        <div>
          <dt>To the program's admins</dt>
          <dd className="prewrap">{submitted.toAdmins || "No comments."}</dd>
        </div>
      ) : null}
      {(submitted.answers ?? []).map((answer) => (
        <div key={answer.question}>
          <dt>{answer.question}</dt>
          <dd className="prewrap">{answer.answer}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A mentor's evaluation: pass or fail, comments each way, the program's questions; a fail asks to confirm what it does. */
function EvaluationForm({ view, kind, onSaved }: { view: MentorshipView; kind: Evaluation["kind"]; onSaved(next: MentorshipView): void }) {
  const questions = view.questions ?? [];
  const [outcome, setOutcome] = useState<"pass" | "fail">("pass");
  const [toMentee, setToMentee] = useState("");
  const [toAdmins, setToAdmins] = useState("");
  const [answers, setAnswers] = useState<string[]>(questions.map(() => ""));
  const [confirmingFail, setConfirmingFail] = useState(false);
  const form = useForm(
    ["outcome", "toMentee", "toAdmins", ...questions.map((_, index) => `answers.${index}`)] as const,
    async () => {
      if (outcome === "fail" && !confirmingFail) {
        setConfirmingFail(true);
        return;
      }
      onSaved(await sendJson<MentorshipView>("POST", mentorshipApi.evaluations(view.id), { kind, outcome, toMentee, toAdmins, answers }));
    },
    {
      formId: `evaluation-${kind}`,
      namePrefix: `${kind}-`,
      required: () => Object.fromEntries(questions.map((question, index) => [`answers.${index}`, !(answers[index] ?? "").trim() && `Answer “${question}”.`])),
    },
  );
  return (
    <form className="stack" noValidate onSubmit={form.onSubmit} aria-label={`Submit the ${KIND_WORDS[kind].toLowerCase()}`}>
      <FormError id={`evaluation-${kind}`} error={form.errors.form} />
      <ChoiceField
        name={`${kind}-outcome`}
        legend={`Does ${view.mentee.name} pass?`}
        value={outcome}
        onChange={(next) => {
          setOutcome(next);
          setConfirmingFail(false);
        }}
        choices={[
          { value: "pass", label: "Pass", hint: "Releases the stipend installment this evaluation releases." },
          { value: "fail", label: "Fail", hint: "Ends the mentorship; its remaining stipend is withheld." },
        ]}
        error={form.errors.fields.outcome}
      />
      <MarkdownField
        name={`${kind}-toMentee`}
        label="Comments to the mentee"
        hint="The mentee reads these with the outcome."
        rows={4}
        limit={5000}
        value={toMentee}
        onChange={setToMentee}
        error={form.errors.fields.toMentee}
      />
      <MarkdownField
        name={`${kind}-toAdmins`}
        label="Private comments to the program's admins"
        hint="The mentee never sees these."
        rows={3}
        limit={5000}
        value={toAdmins}
        onChange={setToAdmins}
        error={form.errors.fields.toAdmins}
      />
      {questions.map((question, index) => (
        <MarkdownField
          key={question}
          name={`${kind}-answers.${index}`}
          label={question}
          hint="Asked by the program of every evaluation."
          rows={3}
          limit={2000}
          required
          value={answers[index] ?? ""}
          onChange={(value) => setAnswers(answers.map((existing, at) => (at === index ? value : existing)))}
          error={form.errors.fields[`answers.${index}`]}
        />
      ))}
      {confirmingFail ? (
        <fieldset className="confirm confirm-box">
          <legend>Submit a fail?</legend>
          <p className="small">The mentorship ends now and its remaining stipend is withheld. An evaluation is submitted once.</p>
          <p className="actions">
            <button type="submit" className="button button-danger" disabled={form.busy}>
              Submit the fail
            </button>
            <button type="button" className="button" onClick={() => setConfirmingFail(false)}>
              Not yet
            </button>
          </p>
        </fieldset>
      ) : (
        <p className="actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? "Submitting…" : `Submit the ${KIND_WORDS[kind].toLowerCase()}`}
          </button>
        </p>
      )}
    </form>
  );
}
