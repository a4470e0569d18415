import { useState } from "react";
import { Link } from "wouter";
import { EDITABLE_APPLICATION_STATES, WITHDRAWN_ON_ACCEPTANCE_STATES } from "../../../../src/domain/application-states.ts";
import type { MyApplicationsResponse } from "../../../../src/schemas/application.ts";
import type { ProgramListResponse } from "../../../../src/schemas/catalog.ts";
import { apiPaths, pagePaths } from "../../api/paths.ts";
import { useApi } from "../../api/use-api.ts";
import { Chip } from "../../components/chip.tsx";
import { Countdown } from "../../components/countdown.tsx";
import { DateTimeText } from "../../components/date-time-text.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { RequireSignIn } from "../../session/require-sign-in.tsx";
import { MyMentorships } from "../mentorships/mentorship-page.tsx";
import { applicationApi } from "./application-paths.ts";
import { APPLICATION_STATE_TONE } from "./application-words.ts";
import { OfferAnswer } from "./offer-answer.tsx";
import { PreferenceRanking } from "./preference-ranking.tsx";
import "./applications.css";

/** One of the caller's applications as "My applications" and the home page list it. */
export type MyApplication = MyApplicationsResponse["items"][number];

/** The states an applicant edits an application in, and those accepting another offer of the term withdraws. */
const WITHDRAWN_ON_ACCEPTANCE = new Set<MyApplication["state"]>(WITHDRAWN_ON_ACCEPTANCE_STATES);
const EDITABLE = new Set<MyApplication["state"]>(EDITABLE_APPLICATION_STATES);

/** True while the applicant may still change the application: the term's applications are open and it is not decided. */
export function stillEditable(item: MyApplication, now = Date.now()): boolean {
  return EDITABLE.has(item.state) && item.deadline !== null && Date.parse(item.deadline) > now;
}

/** The deadline of an application's term, counting down, in the viewer's zone first and the term's beside it. */
export function ApplicationDeadline({ item, onElapsed }: { item: MyApplication; onElapsed?: () => void }) {
  // Once selection decided an application, the applications deadline no longer concerns it.
  if (!EDITABLE.has(item.state) || !item.deadline || Date.parse(item.deadline) <= Date.now()) return null;
  return (
    <div className="deadline">
      <p className="deadline-what">
        Applications close <Countdown at={item.deadline} {...(onElapsed ? { onElapsed } : {})} />
      </p>
      <p className="deadline-when">
        <DateTimeText iso={item.deadline} timeZone={item.term.timeZone} />
      </p>
    </div>
  );
}

/** One application: project, state in words with its next step, the countdown, and the ways to edit or read it. */
function ApplicationItem({
  item,
  all,
  onElapsed,
  onAnswered,
}: {
  item: MyApplication;
  all: readonly MyApplication[];
  onElapsed(): void;
  onAnswered(fresh: MyApplicationsResponse, message: string): void;
}) {
  const editable = stillEditable(item);
  const offer = item.offer;
  return (
    <li className="application-item">
      <p className="application-title">
        <Link href={pagePaths.application(item.id)}>{item.project.title}</Link> <Chip tone={APPLICATION_STATE_TONE[item.state]}>{item.stateLabel}</Chip>
      </p>
      <p className="muted">
        {item.project.organization.name} · {item.term.title}
      </p>
      <p>{item.nextStep}</p>
      <ApplicationDeadline item={item} onElapsed={onElapsed} />
      {offer ? (
        <OfferAnswer
          item={{ ...item, offer }}
          others={all.filter((other) => other.id !== item.id && other.term.slug === item.term.slug && WITHDRAWN_ON_ACCEPTANCE.has(other.state))}
          onAnswered={onAnswered}
        />
      ) : null}
      <p className="actions">
        {editable ? (
          <Link href={pagePaths.apply(item.project.slug)} className={item.state === "draft" ? "button button-primary" : "button"}>
            {item.state === "draft" ? "Finish and submit" : item.state === "withdrawn" ? "Apply again" : "Edit"}
            <span className="visually-hidden"> your application to {item.project.title}</span>
          </Link>
        ) : null}
        <Link href={pagePaths.application(item.id)} className="button">
          Read<span className="visually-hidden"> your application to {item.project.title}</span>
        </Link>
      </p>
    </li>
  );
}

/** Where to look for a project when there is no application yet: the catalog of each program's current term. */
function EmptyApplications() {
  const programs = useApi<ProgramListResponse>(apiPaths.programs());
  const terms = (programs.data?.items ?? []).flatMap((program) => (program.currentTerm ? [{ program: program.name, term: program.currentTerm }] : []));
  return (
    <div className="empty-state">
      <p>You have not applied to a project yet. Find one you would like to work on in a program's catalog, and apply from its page.</p>
      {terms.length > 0 ? (
        <ul className="link-list">
          {terms.map(({ program, term }) => (
            <li key={term.slug}>
              <Link href={pagePaths.catalog(term.slug)}>
                Projects of {program} · {term.title}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>
          <Link href={pagePaths.home()}>Browse the programs</Link>
        </p>
      )}
    </div>
  );
}

/** `/applications`: every application of the signed-in person, with its state, next step and the countdown to its deadline. */
export function MyApplicationsPage() {
  useDocumentTitle("My applications");
  return <RequireSignIn title="My applications">{() => <MyApplicationsList />}</RequireSignIn>;
}

/** The applicant's rankable applications, term by term, where there are at least two to order. */
function rankableTerms(items: readonly MyApplication[]): MyApplication[][] {
  const byTerm = new Map<string, MyApplication[]>();
  for (const item of items) if (item.rankable) byTerm.set(item.term.slug, [...(byTerm.get(item.term.slug) ?? []), item]);
  return [...byTerm.values()].filter((own) => own.length > 1);
}

function MyApplicationsList() {
  const mine = useApi<MyApplicationsResponse>(applicationApi.mine());
  const [fresh, setFresh] = useState<MyApplicationsResponse | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const data = fresh ?? mine.data;
  const reload = () => {
    setFresh(null);
    mine.reload();
  };
  const answered = (next: MyApplicationsResponse, words: string) => {
    setFresh(next);
    setMessage(words);
  };
  return (
    <div className="page narrow">
      <h1>My applications</h1>
      {/* Read again when an offer is accepted here, so the new mentorship shows at once. */}
      <MyMentorships key={(data?.items ?? []).filter((item) => item.state === "accepted").length} />
      <p className="small" role="status" aria-live="polite">
        {message}
      </p>
      {mine.error ? <ErrorPanel error={mine.error} onRetry={mine.reload} /> : null}
      {data ? (
        data.items.length > 0 ? (
          <>
            {rankableTerms(data.items).map((items) => (
              <PreferenceRanking key={items[0]?.term.slug} items={items} onChanged={setFresh} />
            ))}
            <ul className="application-list">
              {data.items.map((item) => (
                <ApplicationItem key={item.id} item={item} all={data.items} onElapsed={reload} onAnswered={answered} />
              ))}
            </ul>
          </>
        ) : (
          <EmptyApplications />
        )
      ) : mine.error ? null : (
        <Loading what="your applications" />
      )}
    </div>
  );
}
