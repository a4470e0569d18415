import type { ApplicationForm } from "../../../../src/schemas/application.ts";
import { Notice } from "../../forms/form-error.tsx";

/**
 * The term's eligibility questions before the cover letter: the questions while unanswered, the
 * verdict with each disqualifying answer and its reason, or a line saying the applicant is eligible.
 */
export function EligibilityStep({ form, onVerdict }: { form: ApplicationForm; onVerdict(): void }) {
  const { eligibility, term } = form;
  void onVerdict;
  if (eligibility.answered && eligibility.eligible) {
    return (
      <Notice tone="success" title={`You are eligible for ${term.title}.`}>
        <p>Your answers to the program's eligibility questions hold for every project of the term.</p>
      </Notice>
    );
  }
  return (
    <section className="panel eligibility-step" aria-labelledby="eligibility-heading">
      <h2 id="eligibility-heading">First: can you take part in {term.title}?</h2>
      {eligibility.answered && !eligibility.eligible ? (
        <div className="error-panel" role="alert">
          <p>
            <strong className="error-label">Not eligible:</strong> with these answers you cannot apply in {term.title}.
          </p>
          <ul>
            {eligibility.disqualifications.map((problem) => (
              <li key={problem.questionId}>
                “{problem.prompt}”: you answered “{problem.answer}”. {problem.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>
          The program asks {eligibility.questions === 1 ? "one question" : `${eligibility.questions} questions`} once per term, before you write to any mentor.
        </p>
      )}
    </section>
  );
}
