import { APPLICATION_STATE_LABELS } from "../../../../src/domain/application-states.ts";
import type { Application, ApplicationQuestion } from "../../../../src/schemas/application.ts";
import { Chip } from "../../components/chip.tsx";
import { ServerSanitizedHtml } from "../../components/server-sanitized-html.tsx";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { APPLICATION_STATE_TONE } from "./application-words.ts";

/** An instant of the application's life in the viewer's own zone, e.g. "Tue 28 May, 17:02 CEST". */
function at(iso: string): string {
  return formatDateTime(new Date(iso), viewerTimeZone());
}

/**
 * Where the caller's application stands, as a chip and a sentence with what comes next:
 * "Draft · only you see it; submit it by …", "Submitted on … · you can edit or withdraw it until …".
 */
export function ApplicationStateLine({ application, closes }: { application: Application | null; closes: string | null }) {
  if (!application) {
    return (
      <p>
        <Chip tone="neutral">Not started</Chip> What you type below is saved as a draft that only you see{closes ? `; submit it by ${closes}` : ""}.
      </p>
    );
  }
  const { state } = application;
  const sentence =
    state === "draft"
      ? `Only you see it${closes ? `; submit it by ${closes}` : ""}. Drafts do not count towards your limit.`
      : state === "submitted"
        ? `Received ${application.submittedAt ? at(application.submittedAt) : ""}${closes ? `. You can edit or withdraw it until ${closes}` : ""}.`
        : state === "withdrawn"
          ? `Withdrawn ${application.withdrawnAt ? at(application.withdrawnAt) : ""}${closes ? `. You may apply again until ${closes}` : ""}.`
          : "";
  return (
    <p>
      <Chip tone={APPLICATION_STATE_TONE[state]}>{APPLICATION_STATE_LABELS[state]}</Chip> {sentence}
    </p>
  );
}

/** The words of one answer's question: its prompt when the page knows the questions, else its place. */
function promptOf(questions: readonly ApplicationQuestion[] | null, questionId: number, index: number): string {
  return questions?.find((question) => question.id === questionId)?.prompt ?? `Question ${index + 1}`;
}

/** An application as written: the cover letter (rendered by the server), the answers under their questions, the links. */
export function ApplicationView({ application, questions }: { application: Application; questions: readonly ApplicationQuestion[] | null }) {
  const answered = application.answers.filter((answer) => answer.answer.trim() !== "");
  return (
    <div className="application-view">
      <section aria-labelledby="cover-letter-heading">
        <h2 id="cover-letter-heading">Cover letter</h2>
        {application.coverLetterHtml ? <ServerSanitizedHtml html={application.coverLetterHtml} /> : <p className="muted">No cover letter yet.</p>}
      </section>
      {answered.length > 0 ? (
        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading">Tasks and questions</h2>
          <dl className="answer-list">
            {answered.map((answer, index) => (
              <div key={answer.questionId}>
                <dt>{promptOf(questions, answer.questionId, index)}</dt>
                <dd className="plain-text">
                  {/^https?:\/\//i.test(answer.answer) ? (
                    <a href={answer.answer} rel="noopener noreferrer">
                      {answer.answer}
                    </a>
                  ) : (
                    answer.answer
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="links-heading">
        <h2 id="links-heading">Links</h2>
        {application.links.length > 0 ? (
          <ul className="link-list">
            {application.links.map((link) => (
              <li key={link}>
                <a href={link} rel="noopener noreferrer">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No links.</p>
        )}
      </section>
    </div>
  );
}
