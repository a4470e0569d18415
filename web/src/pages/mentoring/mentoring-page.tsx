import { useState } from "react";
import { Link } from "wouter";
import type { MentoringProject, MentoringResponse } from "../../../../src/schemas/application-board.ts";
import { pagePaths } from "../../api/paths.ts";
import { useApi } from "../../api/use-api.ts";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { Notice } from "../../forms/form-error.tsx";
import { RequireSignIn } from "../../session/require-sign-in.tsx";
import { MyMentorships } from "../mentorships/mentorship-page.tsx";
import { ApplicationCounts } from "./application-counts.tsx";
import { boardApi, boardPages } from "./board-paths.ts";
import { CapForm } from "./cap-form.tsx";
import "./mentoring.css";

function MentoredProjectCard({ item, onSaved }: { item: MentoringProject; onSaved(updated: MentoringProject): void }) {
  const headingId = `mentored-${item.project.slug}`;
  return (
    <article className="card mentored-project" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        <Link href={pagePaths.project(item.project.slug)}>{item.project.title}</Link>
      </h2>
      <p className="card-org">
        {item.project.organization.name} · {item.project.term.title}
      </p>
      <ApplicationCounts item={item} />
      <p>
        <Link href={boardPages.projectApplications(item.project.slug)}>
          Read the applications<span className="visually-hidden"> to “{item.project.title}”</span>
        </Link>
      </p>
      <CapForm item={item} onSaved={onSaved} />
    </article>
  );
}

function Mentoring() {
  const mine = useApi<MentoringResponse>(boardApi.mentoring());
  const [saved, setSaved] = useState<Record<string, MentoringProject>>({});
  const [notice, setNotice] = useState<string | null>(null);
  if (mine.error) return <ErrorPanel error={mine.error} onRetry={mine.reload} />;
  if (!mine.data) return <Loading what="your projects" />;
  const items = mine.data.items.map((item) => saved[item.project.slug] ?? item);
  if (items.length === 0) {
    return (
      <p>
        You mentor no accepted project yet. Once you confirm as a mentor of a project and it is accepted, its applications show here.{" "}
        <Link href={pagePaths.home()}>Browse the programs</Link>
      </p>
    );
  }
  return (
    <>
      {notice ? <Notice title={notice} /> : null}
      <div className="mentored-list">
        {items.map((item) => (
          <MentoredProjectCard
            key={item.project.slug}
            item={item}
            onSaved={(updated) => {
              setSaved((previous) => ({ ...previous, [updated.project.slug]: updated }));
              setNotice(
                updated.counts.applicationCap === null
                  ? `“${updated.project.title}” has no cap now.`
                  : `“${updated.project.title}” takes applications until ${updated.counts.applicationCap} are submitted.`,
              );
            }}
          />
        ))}
      </div>
    </>
  );
}

/** `/mentoring`: the projects a person mentors, each with its submitted and draft applications, its soft cap and the deadline. */
export function MentoringPage() {
  useDocumentTitle("Mentoring");
  return (
    <RequireSignIn title="Mentoring">
      {() => (
        <div className="page">
          <h1>Mentoring</h1>
          <p className="lead">The applications to the projects you mentor, and the soft cap that closes a project to new ones.</p>
          <MyMentorships />
          <Mentoring />
        </div>
      )}
    </RequireSignIn>
  );
}
