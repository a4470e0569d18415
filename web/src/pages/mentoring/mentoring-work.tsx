import { Link } from "wouter";
import type { MentoringResponse } from "../../../../src/schemas/application-board.ts";
import { useApi } from "../../api/use-api.ts";
import { countOf } from "../../text.ts";
import { applySentence } from "../../time/apply-sentence.ts";
import { boardApi, boardPages } from "./board-paths.ts";

/** "What needs you now" for a mentor: the applicants waiting per project while applications are open, and the deadline. */
export function MentoringWork() {
  const mine = useApi<MentoringResponse>(boardApi.mentoring());
  const open = (mine.data?.items ?? []).filter((item) => item.apply.state === "open" || item.apply.state === "not_yet_open");
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="mentoring-heading" className="home-section">
      <h3 id="mentoring-heading">Applications to your projects</h3>
      <ul className="work-list">
        {open.map((item) => (
          <li key={item.project.slug} className="work-item">
            <p className="work-title">
              <Link href={boardPages.projectApplications(item.project.slug)}>{item.project.title}</Link>
            </p>
            <p>
              {countOf(item.counts.submitted, "application submitted", "applications submitted")}
              {item.counts.capReached ? " · soft cap reached, closed to new applications" : ""}
            </p>
            <p className="muted small">{applySentence(item.apply, item.project.term.timeZone)}</p>
          </li>
        ))}
      </ul>
      <p>
        <Link href={boardPages.mentoring()}>All your projects and their caps</Link>
      </p>
    </section>
  );
}
