import { Link } from "wouter";
import type { TermDetail } from "../../../src/schemas/catalog.ts";
import { pagePaths } from "../api/paths.ts";
import { applySentence } from "../time/apply-sentence.ts";

/** What the term's phase asks of a visitor, in one sentence, and the link that does it. */
export function nextStep(term: TermDetail): { text: string; action: string | null } {
  const hasProjects = term.counts.projects > 0;
  switch (term.status) {
    case "applications_open":
      return {
        text: "Applications are open. Find projects that fit your skills: each project's page says where to apply, before the deadline above.",
        action: "Browse projects and apply",
      };
    case "proposals_open":
      return { text: `Maintainers are proposing projects now. ${applySentence(term.apply, term.timeZone)}`, action: hasProjects ? "Browse projects" : null };
    case "planned":
      return { text: applySentence(term.apply, term.timeZone), action: hasProjects ? "Browse projects" : null };
    case "in_review":
      return {
        text: "Applications are closed. Mentors are reviewing them; every applicant hears the outcome on the notification date below.",
        action: "See the projects",
      };
    case "selections_announced":
      return { text: "Selections have been announced: every applicant has been told the outcome.", action: "See this term's projects" };
    case "in_progress":
      return { text: "The mentorships are under way.", action: "See this term's projects" };
    case "complete":
      return { text: "This term is complete: there are no dates ahead. Its projects stay listed for reference.", action: "See this term's projects" };
    case "dates_unknown":
      return {
        text: "This term's page gives no dates that can be read, so Cohort cannot tell where it stands.",
        action: hasProjects ? "See this term's projects" : null,
      };
  }
}

/** The term page's call to action, which follows the phase: apply, browse, or see the results. */
export function TermNextStep({ term }: { term: TermDetail }) {
  const step = nextStep(term);
  return (
    <>
      <p>{step.text}</p>
      <p className="actions">
        {step.action ? (
          <Link href={pagePaths.catalog(term.slug)} className="button button-primary">
            {step.action}
          </Link>
        ) : null}
        <a href={term.calendarUrl} className="button" download>
          Add to calendar (.ics)
        </a>
      </p>
    </>
  );
}
