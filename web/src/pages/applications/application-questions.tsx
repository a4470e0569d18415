import type { ApplicationQuestion } from "../../../../src/schemas/application.ts";
import { FieldErrorText, fieldId } from "../../forms/field.tsx";
import { answerField } from "./application-draft.ts";

/** The label of a question: its prompt, and whether it must be answered. */
function Prompt({ question }: { question: ApplicationQuestion }) {
  return (
    <>
      {question.prompt}
      {question.required ? <span className="required-mark"> (required)</span> : <span className="required-mark"> (optional)</span>}
    </>
  );
}

/** One of several answers, as radio buttons numbered by place so any wording of a choice makes a valid id. */
function ChoiceAnswer({
  question,
  value,
  onChange,
  error,
  disabled,
}: {
  question: ApplicationQuestion;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  disabled: boolean;
}) {
  const name = answerField(question);
  const id = fieldId(name);
  return (
    <fieldset className={error ? "field choice-group field-invalid" : "field choice-group"} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        <Prompt question={question} />
      </legend>
      {question.choices.map((choice, index) => (
        <div className="check-row" key={choice}>
          <input
            type="radio"
            id={index === 0 ? id : `${id}-${index}`}
            name={name}
            value={choice}
            checked={value === choice}
            disabled={disabled}
            onChange={() => onChange(choice)}
          />
          <label htmlFor={index === 0 ? id : `${id}-${index}`}>{choice}</label>
        </div>
      ))}
      <FieldErrorText id={`${id}-error`} error={error} />
    </fieldset>
  );
}

/** A free-text or link answer with its label and the server's words. */
function TypedAnswer({
  question,
  value,
  onChange,
  error,
  disabled,
}: {
  question: ApplicationQuestion;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  disabled: boolean;
}) {
  const id = fieldId(answerField(question));
  const common = {
    id,
    className: "input",
    value,
    disabled,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
  } as const;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>
        <Prompt question={question} />
      </label>
      {question.kind === "url" ? (
        <input
          {...common}
          type="url"
          inputMode="url"
          spellCheck={false}
          autoCapitalize="off"
          placeholder="https://"
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <textarea {...common} rows={4} onChange={(event) => onChange(event.target.value)} />
      )}
      <FieldErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

/**
 * The project's prerequisite tasks and its questions, each section under its heading, every
 * answer with the server's words beside it.
 */
export function ApplicationQuestions({
  questions,
  answers,
  onChange,
  errors,
  disabled,
}: {
  questions: readonly ApplicationQuestion[];
  answers: Record<number, string>;
  onChange(questionId: number, answer: string): void;
  errors: (field: string) => string | undefined;
  disabled: boolean;
}) {
  const sections = [
    { key: "task", heading: "Prerequisite tasks", hint: "What the mentors ask you to do before applying; link your work (e.g. a pull request)." },
    { key: "question", heading: "The mentors' questions", hint: null },
  ] as const;
  return (
    <>
      {sections.map((section) => {
        const asked = questions.filter((question) => question.section === section.key);
        if (asked.length === 0) return null;
        return (
          <section key={section.key} className="application-section" aria-labelledby={`${section.key}-heading`}>
            <h3 id={`${section.key}-heading`}>{section.heading}</h3>
            {section.hint ? <p className="field-hint">{section.hint}</p> : null}
            {asked.map((question) => {
              const props = {
                question,
                value: answers[question.id] ?? "",
                onChange: (answer: string) => onChange(question.id, answer),
                error: errors(answerField(question)),
                disabled,
              };
              return question.kind === "choice" ? <ChoiceAnswer key={question.id} {...props} /> : <TypedAnswer key={question.id} {...props} />;
            })}
          </section>
        );
      })}
    </>
  );
}
