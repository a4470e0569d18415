import { useEffect, useRef, useState } from "react";
import { ELIGIBILITY_QUESTION_KINDS, type EligibilityQuestionKind } from "../../../../src/domain/application-states.ts";
import { ELIGIBILITY_QUESTIONS_MAX, possibleAnswers } from "../../../../src/domain/eligibility.ts";
import type { TermListResponse } from "../../../../src/schemas/catalog.ts";
import type { EligibilityQuestionsBody, EligibilityQuestionsResponse } from "../../../../src/schemas/eligibility.ts";
import { type ApiError, asApiError } from "../../api/api-error.ts";
import { apiPaths } from "../../api/paths.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { FieldErrorText, fieldId, SelectField } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { AdminFrame } from "./admin-frame.tsx";
import "../applications/eligibility.css";

const KIND_LABEL: Record<EligibilityQuestionKind, string> = { yes_no: "Yes or no", choice: "One of several choices", text: "A line of text" };

/** One question as the editor holds it; `key` keeps a row's identity while rows move. */
interface QuestionDraft {
  key: number;
  kind: EligibilityQuestionKind;
  prompt: string;
  /** As typed: one choice per line. */
  choices: string;
  disqualifyingAnswers: string[];
  disqualifyingReason: string;
}

let nextKey = 1;

function draftOf(question: EligibilityQuestionsResponse["questions"][number]): QuestionDraft {
  return {
    key: nextKey++,
    kind: question.kind,
    prompt: question.prompt,
    choices: question.choices.join("\n"),
    disqualifyingAnswers: question.disqualifyingAnswers,
    disqualifyingReason: question.disqualifyingReason ?? "",
  };
}

function choicesOf(draft: QuestionDraft): string[] {
  return draft.choices
    .split("\n")
    .map((choice) => choice.trim())
    .filter(Boolean);
}

/** The answers a question offers as the editor shows them, so "which answers rule out" lists exactly those. */
function answersOf(draft: QuestionDraft): readonly string[] {
  return possibleAnswers({ kind: draft.kind, choices: choicesOf(draft) }) ?? [];
}

function bodyOf(drafts: readonly QuestionDraft[]): EligibilityQuestionsBody {
  return {
    questions: drafts.map((draft) => {
      const offered = answersOf(draft);
      const disqualifying = draft.disqualifyingAnswers.filter((answer) => offered.includes(answer));
      return {
        kind: draft.kind,
        prompt: draft.prompt,
        choices: draft.kind === "choice" ? choicesOf(draft) : [],
        disqualifyingAnswers: disqualifying,
        disqualifyingReason: disqualifying.length > 0 ? draft.disqualifyingReason : null,
      };
    }),
  };
}

/** One question: what it asks, the kind of answer, its choices, which answers rule an applicant out and why, and its place. */
function QuestionEditor({
  draft,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  errors,
}: {
  draft: QuestionDraft;
  index: number;
  count: number;
  onChange(draft: QuestionDraft): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
  errors: (field: string) => string | undefined;
}) {
  const base = `questions.${index}`;
  const number = index + 1;
  const promptError = errors(`${base}.prompt`) ?? errors(base);
  const choicesError =
    errors(`${base}.choices`) ??
    choicesOf(draft)
      .map((_, at) => errors(`${base}.choices.${at}`))
      .find(Boolean);
  const ruleError =
    errors(`${base}.disqualifyingAnswers`) ?? draft.disqualifyingAnswers.map((_, at) => errors(`${base}.disqualifyingAnswers.${at}`)).find(Boolean);
  const reasonError = errors(`${base}.disqualifyingReason`);
  const offered = answersOf(draft);
  const ruling = draft.disqualifyingAnswers.filter((answer) => offered.includes(answer));
  return (
    <li className="eligibility-question">
      <fieldset>
        <legend>Question {number}</legend>
        <div className={promptError ? "field field-invalid" : "field"}>
          <label htmlFor={fieldId(`${base}.prompt`)}>What applicants answer</label>
          <input
            id={fieldId(`${base}.prompt`)}
            className="input"
            value={draft.prompt}
            placeholder="I am 18 or older"
            onChange={(event) => onChange({ ...draft, prompt: event.target.value })}
            aria-invalid={promptError ? true : undefined}
            aria-describedby={promptError ? `${fieldId(`${base}.prompt`)}-error` : undefined}
          />
          <FieldErrorText id={`${fieldId(`${base}.prompt`)}-error`} error={promptError} />
        </div>
        <div className="field">
          <label htmlFor={fieldId(`${base}.kind`)}>Answer</label>
          <select
            id={fieldId(`${base}.kind`)}
            className="input"
            value={draft.kind}
            onChange={(event) => {
              const kind = ELIGIBILITY_QUESTION_KINDS.find((value) => value === event.target.value) ?? "yes_no";
              onChange({ ...draft, kind, disqualifyingAnswers: [] });
            }}
          >
            {ELIGIBILITY_QUESTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABEL[kind]}
              </option>
            ))}
          </select>
        </div>
        {draft.kind === "choice" ? (
          <div className={choicesError ? "field field-invalid" : "field"}>
            <label htmlFor={fieldId(`${base}.choices`)}>Choices, one per line</label>
            <textarea
              id={fieldId(`${base}.choices`)}
              className="input"
              rows={3}
              value={draft.choices}
              onChange={(event) => onChange({ ...draft, choices: event.target.value })}
              aria-invalid={choicesError ? true : undefined}
              aria-describedby={choicesError ? `${fieldId(`${base}.choices`)}-error` : undefined}
            />
            <FieldErrorText id={`${fieldId(`${base}.choices`)}-error`} error={choicesError} />
          </div>
        ) : null}
        {draft.kind === "text" ? (
          <p className="field-hint">A free-text answer never rules anyone out: admins read it with the application.</p>
        ) : (
          <fieldset className={ruleError ? "field choice-group field-invalid" : "field choice-group"}>
            <legend>Answers that rule an applicant out</legend>
            {offered.length === 0 ? <p className="field-hint">Type the choices first.</p> : null}
            {offered.map((answer, at) => {
              const id = `${fieldId(`${base}.disqualifyingAnswers`)}-${at}`;
              return (
                <div className="check-row" key={answer}>
                  <input
                    type="checkbox"
                    id={id}
                    checked={ruling.includes(answer)}
                    onChange={(event) =>
                      onChange({
                        ...draft,
                        disqualifyingAnswers: event.target.checked ? [...ruling, answer] : ruling.filter((existing) => existing !== answer),
                      })
                    }
                  />
                  <label htmlFor={id}>{answer === "yes" ? "Yes" : answer === "no" ? "No" : answer}</label>
                </div>
              );
            })}
            <FieldErrorText id={`${fieldId(`${base}.disqualifyingAnswers`)}-error`} error={ruleError} />
          </fieldset>
        )}
        {ruling.length > 0 || reasonError ? (
          <div className={reasonError ? "field field-invalid" : "field"}>
            <label htmlFor={fieldId(`${base}.disqualifyingReason`)}>Why these answers rule an applicant out</label>
            <p className="field-hint" id={`${fieldId(`${base}.disqualifyingReason`)}-hint`}>
              The applicant reads it right after answering, e.g. “Mentees must be 18 or older.”
            </p>
            <input
              id={fieldId(`${base}.disqualifyingReason`)}
              className="input"
              value={draft.disqualifyingReason}
              onChange={(event) => onChange({ ...draft, disqualifyingReason: event.target.value })}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={`${fieldId(`${base}.disqualifyingReason`)}-hint${reasonError ? ` ${fieldId(`${base}.disqualifyingReason`)}-error` : ""}`}
            />
            <FieldErrorText id={`${fieldId(`${base}.disqualifyingReason`)}-error`} error={reasonError} />
          </div>
        ) : null}
        <div className="eligibility-question-actions">
          <button type="button" className="button" disabled={index === 0} onClick={() => onMove(-1)}>
            Move up<span className="visually-hidden"> question {number}</span>
          </button>
          <button type="button" className="button" disabled={index === count - 1} onClick={() => onMove(1)}>
            Move down<span className="visually-hidden"> question {number}</span>
          </button>
          <button type="button" className="button" onClick={onRemove}>
            Remove<span className="visually-hidden"> question {number}</span>
          </button>
        </div>
      </fieldset>
    </li>
  );
}

function QuestionsForm({
  program,
  loaded,
  onSaved,
}: {
  program: string;
  loaded: EligibilityQuestionsResponse;
  onSaved(saved: EligibilityQuestionsResponse): void;
}) {
  const [drafts, setDrafts] = useState(() => loaded.questions.map(draftOf));
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const focusError = useRef(false);

  useEffect(() => {
    if (!focusError.current) return;
    focusError.current = false;
    const first = [...errors.keys()][0];
    const target = first ? document.getElementById(fieldId(first)) : document.getElementById("eligibility-questions-error");
    target?.focus();
  }, [errors]);

  const change = (next: QuestionDraft[]) => {
    setSaved(false);
    setDrafts(next);
  };
  const save = async () => {
    setBusy(true);
    setFormError(null);
    setErrors(new Map());
    try {
      const answer = await sendJson<EligibilityQuestionsResponse>("PUT", `/api/programs/${encodeURIComponent(program)}/eligibility-questions`, bodyOf(drafts));
      setDrafts(answer.questions.map(draftOf));
      setSaved(true);
      onSaved(answer);
    } catch (caught) {
      const error = asApiError(caught);
      // A field the editor has no input for (the list itself) goes above the form.
      const byField = new Map(error.errors.filter((problem) => problem.field.startsWith("questions.")).map((problem) => [problem.field, problem.detail]));
      focusError.current = true;
      setErrors(byField);
      setFormError(byField.size === 0 ? error : null);
    } finally {
      setBusy(false);
    }
  };
  const errorOf = (field: string) => errors.get(field);

  return (
    <form
      className="stack eligibility-editor"
      noValidate
      aria-labelledby="eligibility-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void save();
      }}
    >
      <FormError id="eligibility-questions" error={formError} />
      {drafts.length > 0 ? (
        <ol className="row-list eligibility-question-list">
          {drafts.map((draft, index) => (
            <QuestionEditor
              key={draft.key}
              draft={draft}
              index={index}
              count={drafts.length}
              errors={errorOf}
              onChange={(changed) => change(drafts.map((existing) => (existing.key === draft.key ? changed : existing)))}
              onMove={(by) => {
                const next = [...drafts];
                const [moved] = next.splice(index, 1);
                if (moved) next.splice(index + by, 0, moved);
                change(next);
              }}
              onRemove={() => change(drafts.filter((existing) => existing.key !== draft.key))}
            />
          ))}
        </ol>
      ) : (
        <p className="muted">No questions: every signed-in person may apply. Add the questions your program asks every applicant.</p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={drafts.length >= ELIGIBILITY_QUESTIONS_MAX}
          onClick={() =>
            change([...drafts, { key: nextKey++, kind: "yes_no", prompt: "", choices: "", disqualifyingAnswers: ["no"], disqualifyingReason: "" }])
          }
        >
          Add a question
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Saving…" : "Save the questions"}
        </button>
        <div className="form-status">
          {saved ? (
            <Notice title="The questions are saved.">
              <p>Every term made from now on asks them.</p>
            </Notice>
          ) : null}
        </div>
      </div>
    </form>
  );
}

/**
 * Puts the program's saved questions into one of its terms, which keeps its own copy from when it
 * was made: refused, with the server's reason, once the term's applications have opened.
 */
function CopyToTerm({ program, questions }: { program: string; questions: EligibilityQuestionsResponse["questions"] }) {
  const terms = useApi<TermListResponse>(apiPaths.programTerms(program));
  const [term, setTerm] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ title: string; count: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const chosen = term || terms.data?.items[0]?.slug || "";
  const copy = async () => {
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      const body: EligibilityQuestionsBody = {
        questions: questions.map(({ kind, prompt, choices, disqualifyingAnswers, disqualifyingReason }) => ({
          kind,
          prompt,
          choices,
          disqualifyingAnswers,
          disqualifyingReason,
        })),
      };
      const answer = await sendJson<EligibilityQuestionsResponse>("PUT", `/api/terms/${encodeURIComponent(chosen)}/eligibility-questions`, body);
      setResult({ title: terms.data?.items.find((item) => item.slug === chosen)?.title ?? chosen, count: answer.questions.length });
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  if (terms.error) return <ErrorPanel error={terms.error} onRetry={terms.reload} />;
  if (!terms.data) return <Loading what="the terms" />;
  if (terms.data.items.length === 0) return <p className="muted">The program has no terms yet: each new term starts with the questions above.</p>;
  return (
    <form
      className="stack"
      noValidate
      aria-labelledby="eligibility-copy-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void copy();
      }}
    >
      <FormError id="eligibility-copy" error={error} />
      <SelectField
        name="eligibility-copy-term"
        label="Term"
        hint="Replaces the term's own questions with the saved ones above, until its applications open."
        value={chosen}
        onChange={(event) => {
          setTerm(event.target.value);
          setResult(null);
          setError(null);
        }}
      >
        {terms.data.items.map((item) => (
          <option key={item.slug} value={item.slug}>
            {item.title}
          </option>
        ))}
      </SelectField>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Copying…" : "Ask these questions in this term"}
        </button>
        <div className="form-status">
          {result ? (
            <Notice title={`${result.title} now asks ${result.count === 1 ? "1 question" : `${result.count} questions`}.`}>
              <p>Applicants who answered before answer again where a question changed.</p>
            </Notice>
          ) : null}
        </div>
      </div>
    </form>
  );
}

function Questions({ program }: { program: string }) {
  const questions = useApi<EligibilityQuestionsResponse>(`/api/programs/${encodeURIComponent(program)}/eligibility-questions`);
  const [saved, setSaved] = useState<EligibilityQuestionsResponse | null>(null);
  const current = saved ?? questions.data;
  return (
    <>
      <section aria-labelledby="eligibility-heading" className="panel">
        <h2 id="eligibility-heading">Eligibility questions</h2>
        <p className="lead">
          Applicants answer these once per term, before they write a cover letter. An answer that rules them out stops them from applying, and they read why.
        </p>
        {questions.data ? <p className="field-hint">{questions.data.message}</p> : null}
        {questions.error ? <ErrorPanel error={questions.error} onRetry={questions.reload} /> : null}
        {questions.data ? <QuestionsForm program={program} loaded={questions.data} onSaved={setSaved} /> : null}
        {!questions.data && questions.status === "loading" ? <Loading what="the eligibility questions" /> : null}
      </section>
      {current ? (
        <section aria-labelledby="eligibility-copy-heading" className="panel">
          <h2 id="eligibility-copy-heading">Terms made before</h2>
          <p>A term keeps the copy of the questions it was made with. To ask the saved questions in a term that exists already, choose it here.</p>
          <CopyToTerm program={program} questions={current.questions} />
        </section>
      ) : null}
    </>
  );
}

/** `/admin/:program/eligibility`: the questions every new term of the program asks its applicants. */
export function AdminEligibilityPage({ program }: { program: string }) {
  return (
    <AdminFrame program={program} title="Eligibility">
      {() => <Questions program={program} />}
    </AdminFrame>
  );
}
