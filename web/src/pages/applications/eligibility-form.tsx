import { useEffect, useRef, useState } from "react";
import { ELIGIBILITY_TEXT_ANSWER_MAX_LENGTH } from "../../../../src/domain/eligibility.ts";
import type { Eligibility, EligibilityAnswersBody } from "../../../../src/schemas/eligibility.ts";
import { type ApiError, asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { FieldErrorText, fieldId } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import "./eligibility.css";

type Question = Eligibility["questions"][number];

const ANSWER_WORDS: Record<string, string> = { yes: "Yes", no: "No" };

function optionsOf(question: Question): string[] {
  return question.kind === "yes_no" ? ["yes", "no"] : question.choices;
}

/** One question: a radio group for yes/no and choices, a text input for a text question; its error beside it. */
function AnswerField({
  question,
  index,
  value,
  onChange,
  error,
}: {
  question: Question;
  index: number;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
}) {
  const name = `answers.${index}.answer`;
  const errorId = `${fieldId(name)}-error`;
  if (question.kind === "text") {
    return (
      <div className={error ? "field field-invalid" : "field"}>
        <label htmlFor={fieldId(name)}>{question.prompt}</label>
        <input
          id={fieldId(name)}
          className="input"
          value={value}
          maxLength={ELIGIBILITY_TEXT_ANSWER_MAX_LENGTH}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <FieldErrorText id={errorId} error={error} />
      </div>
    );
  }
  return (
    <fieldset
      className={error ? "field choice-group eligibility-answer field-invalid" : "field choice-group eligibility-answer"}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{question.prompt}</legend>
      <div>
        {optionsOf(question).map((option, at) => {
          // The first option takes the field's id, so focus lands on the group when the server blames it.
          const id = at === 0 ? fieldId(name) : `${fieldId(name)}-${at}`;
          return (
            <div className="check-row" key={option}>
              <input type="radio" id={id} name={fieldId(name)} value={option} checked={value === option} onChange={() => onChange(option)} />
              <label htmlFor={id}>{ANSWER_WORDS[option] ?? option}</label>
            </div>
          );
        })}
      </div>
      <FieldErrorText id={errorId} error={error} />
    </fieldset>
  );
}

/** The verdict in words: eligible, or not with each answer that rules the applicant out and why. */
function Verdict({ eligibility }: { eligibility: Eligibility }) {
  const { verdict, term } = eligibility;
  if (!verdict) return null;
  if (verdict.eligible) {
    return (
      <Notice title="You are eligible">
        <p>{verdict.message} Your answers hold for every project of the term.</p>
      </Notice>
    );
  }
  return (
    <div className="error-panel eligibility-verdict" role="alert">
      <p>
        <strong className="error-label">You cannot apply this term:</strong> {verdict.disqualifications.map((found) => found.reason).join(" ")}
      </p>
      <ul className="eligibility-answers">
        {verdict.disqualifications.map((found) => (
          <li key={found.questionId}>
            “{found.prompt}”: you answered “{ANSWER_WORDS[found.answer] ?? found.answer}”.
          </li>
        ))}
      </ul>
      {eligibility.canAnswer ? <p>If an answer was a mistake, change it below while applications for {term.title} are open.</p> : null}
    </div>
  );
}

/**
 * The term's eligibility questions for the signed-in applicant, answered once per term: the
 * questions until answered, then the verdict ("You are eligible", or "You cannot apply this
 * term" with each reason) before any cover letter is written, and the answers can change while
 * applications are open. `onResult` hears every state the server answers, loaded or saved, so
 * the page around it knows whether to offer the cover letter.
 */
export function EligibilityForm({ term, onResult }: { term: string; onResult(eligibility: Eligibility): void }) {
  const loaded = useApi<Eligibility>(`/api/terms/${encodeURIComponent(term)}/eligibility`);
  const [current, setCurrent] = useState<Eligibility | null>(null);
  const eligibility = current ?? loaded.data;
  const report = useRef(onResult);
  report.current = onResult;

  useEffect(() => {
    if (loaded.data) report.current(loaded.data);
  }, [loaded.data]);

  if (loaded.error && !eligibility) return <ErrorPanel error={loaded.error} onRetry={loaded.reload} />;
  if (!eligibility) return <Loading what="the eligibility questions" />;
  return (
    <EligibilityPanel
      eligibility={eligibility}
      onSaved={(saved) => {
        setCurrent(saved);
        report.current(saved);
      }}
    />
  );
}

function EligibilityPanel({ eligibility, onSaved }: { eligibility: Eligibility; onSaved(eligibility: Eligibility): void }) {
  const { term, questions } = eligibility;
  const [editing, setEditing] = useState(eligibility.verdict === null);
  if (questions.length === 0) {
    return (
      <Notice title="You are eligible">
        <p>{term.title} asks no eligibility questions: you can apply right away.</p>
      </Notice>
    );
  }
  return (
    <section className="panel eligibility-form" aria-labelledby="eligibility-form-heading">
      <h2 id="eligibility-form-heading">Can you take part in {term.title}?</h2>
      <Verdict eligibility={eligibility} />
      {editing && eligibility.canAnswer ? (
        <AnswersForm
          eligibility={eligibility}
          onSaved={(saved) => {
            setEditing(saved.verdict === null);
            onSaved(saved);
          }}
        />
      ) : (
        <>
          <p className="field-hint">{eligibility.message}</p>
          {eligibility.verdict === null && !eligibility.canAnswer ? <p>You did not answer the eligibility questions in time.</p> : null}
          {eligibility.canAnswer ? (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Change my answers
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function AnswersForm({ eligibility, onSaved }: { eligibility: Eligibility; onSaved(eligibility: Eligibility): void }) {
  const { questions, term } = eligibility;
  const [answers, setAnswers] = useState<Record<number, string>>(() =>
    Object.fromEntries(eligibility.answers.map((answer) => [answer.questionId, answer.answer])),
  );
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const focusError = useRef(false);

  useEffect(() => {
    if (!focusError.current) return;
    focusError.current = false;
    const first = [...errors.keys()][0];
    (first ? document.getElementById(fieldId(first)) : document.getElementById("eligibility-answers-error"))?.focus();
  }, [errors]);

  const save = async () => {
    // Each answer is sent at its question's place, so the server's `answers.N.answer` is question N.
    const missing = new Map(
      questions.flatMap((question, index) =>
        (answers[question.id] ?? "").trim() === ""
          ? [[`answers.${index}.answer`, question.kind === "text" ? "Answer this question." : "Choose an answer."] as const]
          : [],
      ),
    );
    if (missing.size > 0) {
      focusError.current = true;
      setFormError(null);
      setErrors(missing);
      return;
    }
    setBusy(true);
    setErrors(new Map());
    setFormError(null);
    try {
      const body: EligibilityAnswersBody = { answers: questions.map((question) => ({ questionId: question.id, answer: answers[question.id] ?? "" })) };
      onSaved(await sendJson<Eligibility>("PUT", `/api/terms/${encodeURIComponent(term.slug)}/eligibility`, body));
    } catch (caught) {
      const error = asApiError(caught);
      const byField = new Map(error.errors.filter((problem) => /^answers\.\d+\.answer$/.test(problem.field)).map((problem) => [problem.field, problem.detail]));
      focusError.current = true;
      setErrors(byField);
      setFormError(byField.size === 0 ? error : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="stack"
      noValidate
      aria-labelledby="eligibility-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void save();
      }}
    >
      <p>
        The program asks {questions.length === 1 ? "one question" : `${questions.length} questions`} once per term, before you write to any mentor. Only you and
        the program's admins see your answers.
      </p>
      <FormError id="eligibility-answers" error={formError} />
      {questions.map((question, index) => (
        <AnswerField
          key={question.id}
          question={question}
          index={index}
          value={answers[question.id] ?? ""}
          onChange={(value) => setAnswers((previous) => ({ ...previous, [question.id]: value }))}
          error={errors.get(`answers.${index}.answer`)}
        />
      ))}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Saving…" : "Save my answers"}
        </button>
      </div>
    </form>
  );
}
