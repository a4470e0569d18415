import { Link } from "wouter";
import type { MyApplicationsResponse } from "../../../../src/schemas/application.ts";
import { pagePaths } from "../../api/paths.ts";
import { Chip } from "../../components/chip.tsx";
import { APPLICATION_STATE_TONE } from "./application-words.ts";
import { ApplicationDeadline, type MyApplication, stillEditable } from "./my-applications-page.tsx";
import "./applications.css";

/** The applicant's drafts that can still be submitted: what "what needs you now" lists for them. */
export function unsubmittedDrafts(mine: MyApplicationsResponse | null): MyApplication[] {
  return (mine?.items ?? []).filter((item) => item.state === "draft" && stillEditable(item));
}

/** An applicant's drafts not submitted yet, each with its deadline counting down, and the way to all their applications. */
export function ApplicantWork({ drafts }: { drafts: MyApplication[] }) {
  if (drafts.length === 0) return null;
  return (
    <section aria-labelledby="applicant-heading" className="home-section">
      <h3 id="applicant-heading">Applications to submit</h3>
      <ul className="application-list">
        {drafts.map((item) => (
          <li key={item.id} className="application-item">
            <p className="application-title">
              <Link href={pagePaths.apply(item.project.slug)}>{item.project.title}</Link>{" "}
              <Chip tone={APPLICATION_STATE_TONE[item.state]}>{item.stateLabel}</Chip>
            </p>
            <p className="muted">
              {item.project.organization.name} · {item.term.title}
            </p>
            <p>{item.nextStep}</p>
            <ApplicationDeadline item={item} />
          </li>
        ))}
      </ul>
      <p>
        <Link href={pagePaths.myApplications()}>All your applications</Link>
      </p>
    </section>
  );
}
