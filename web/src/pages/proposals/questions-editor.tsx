import { PROJECT_QUESTION_KINDS, type ProjectQuestionKind, type ProjectQuestionSection } from "../../../../src/domain/proposal-states.ts";
import type { ProposalQuestion } from "../../../../src/schemas/proposal.ts";
import { FieldErrorText, fieldId } from "../../forms/field.tsx";

const KIND_LABEL: Record<ProjectQuestionKind, string> = { text: "Text answer", url: "A link (URL)", choice: "One of several choices" };

const SECTION_WORDS: Record<ProjectQuestionSection, { one: string; legend: string; hint: string; add: string }> = {
  task: {
    one: "Task",
    legend: "Prerequisite tasks",
    hint: "What applicants do before applying (e.g. fix a good first issue); they give a link or a few words for each.",
    add: "Add a prerequisite task",
  },
  question: {
    one: "Question",
    legend: "Questions for applicants",
    hint: "The application form asks exactly these questions.",
    add: "Add a question",
  },
};

/** One task or question: its prompt, the kind of answer (with the choices of a choice), and whether it is required. */
function QuestionRow({
  question,
  index,
  number,
  onChange,
  onRemove,
  errors,
}: {
  question: ProposalQuestion;
  index: number;
  number: number;
  onChange(question: ProposalQuestion): void;
  onRemove(): void;
  errors: (field: string) => string | undefined;
}) {
  const base = `questions.${index}`;
  const words = SECTION_WORDS[question.section];
  const promptError = errors(`${base}.prompt`) ?? errors(base);
  const choicesError = errors(`${base}.choices`) ?? question.choices.map((_, at) => errors(`${base}.choices.${at}`)).find(Boolean);
  return (
    <li className="question-row">
      <fieldset>
        <legend>
          {words.one} {number}
        </legend>
        <div className={promptError ? "field field-invalid" : "field"}>
          <label htmlFor={fieldId(`${base}.prompt`)}>{question.section === "task" ? "What to do" : "Question"}</label>
          <input
            id={fieldId(`${base}.prompt`)}
            className="input"
            value={question.prompt}
            onChange={(event) => onChange({ ...question, prompt: event.target.value })}
            aria-invalid={promptError ? true : undefined}
            aria-describedby={promptError ? `${fieldId(`${base}.prompt`)}-error` : undefined}
          />
          <FieldErrorText id={`${fieldId(`${base}.prompt`)}-error`} error={promptError} />
        </div>
        <div className="question-options">
          <div className="field">
            <label htmlFor={fieldId(`${base}.kind`)}>Answer</label>
            <select
              id={fieldId(`${base}.kind`)}
              className="input"
              value={question.kind}
              onChange={(event) => {
                const kind = PROJECT_QUESTION_KINDS.find((value) => value === event.target.value) ?? "text";
                onChange({ ...question, kind, choices: kind === "choice" ? question.choices : [] });
              }}
            >
              {PROJECT_QUESTION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABEL[kind]}
                </option>
              ))}
            </select>
          </div>
          <div className="check-row">
            <input
              type="checkbox"
              id={fieldId(`${base}.required`)}
              checked={question.required}
              onChange={(event) => onChange({ ...question, required: event.target.checked })}
            />
            <label htmlFor={fieldId(`${base}.required`)}>Required</label>
          </div>
          <button type="button" className="button" onClick={onRemove}>
            Remove<span className="visually-hidden"> {`${words.one.toLowerCase()} ${number}`}</span>
          </button>
        </div>
        {question.kind === "choice" ? (
          <div className={choicesError ? "field field-invalid" : "field"}>
            <label htmlFor={fieldId(`${base}.choices`)}>Choices, one per line</label>
            <textarea
              id={fieldId(`${base}.choices`)}
              className="input"
              rows={3}
              value={question.choices.join("\n")}
              onChange={(event) => onChange({ ...question, choices: event.target.value.split("\n") })}
              aria-invalid={choicesError ? true : undefined}
              aria-describedby={choicesError ? `${fieldId(`${base}.choices`)}-error` : undefined}
            />
            <FieldErrorText id={`${fieldId(`${base}.choices`)}-error`} error={choicesError} />
          </div>
        ) : null}
      </fieldset>
    </li>
  );
}

/**
 * The prerequisite tasks and the questions a project asks its applicants, each list with rows
 * to add and remove. Both are kept in one `questions` array (with their section), as the API has them.
 */
export function QuestionsEditor({
  questions,
  onChange,
  errors,
}: {
  questions: ProposalQuestion[];
  onChange(questions: ProposalQuestion[]): void;
  errors: (field: string) => string | undefined;
}) {
  const sections: ProjectQuestionSection[] = ["task", "question"];
  return (
    <>
      {sections.map((section) => {
        const words = SECTION_WORDS[section];
        const rows = questions.map((question, index) => ({ question, index })).filter((row) => row.question.section === section);
        return (
          <fieldset key={section} className="field rows-field">
            <legend>{words.legend}</legend>
            <p className="field-hint">{words.hint}</p>
            {rows.length > 0 ? (
              <ol className="row-list">
                {rows.map(({ question, index }, number) => (
                  <QuestionRow
                    key={index}
                    question={question}
                    index={index}
                    number={number + 1}
                    errors={errors}
                    onChange={(changed) => onChange(questions.map((existing, at) => (at === index ? changed : existing)))}
                    onRemove={() => onChange(questions.filter((_, at) => at !== index))}
                  />
                ))}
              </ol>
            ) : null}
            <button
              type="button"
              className="button"
              onClick={() => onChange([...questions, { section, kind: section === "task" ? "url" : "text", prompt: "", choices: [], required: true }])}
            >
              {words.add}
            </button>
          </fieldset>
        );
      })}
    </>
  );
}
