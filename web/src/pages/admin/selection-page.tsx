import { useState } from "react";
import { Link } from "wouter";
import type { SelectionView } from "../../../../src/schemas/selection.ts";
import { asApiError } from "../../api/api-error.ts";
import { pagePaths } from "../../api/paths.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { Chip } from "../../components/chip.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { formatDateTime, instantInSentence } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { APPLICATION_STATE_TONE } from "../applications/application-words.ts";
import { AdminFrame, adminPaths } from "./admin-frame.tsx";
import { NoticesPreview } from "./notices-preview.tsx";
import { selectionApi } from "./selection-paths.ts";
import "./selection.css";

/** A count with its noun, e.g. "1 slot", "3 slots". */
function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** One person's place, e.g. "ranked 2nd by the project · their 1st choice". */
function places(projectRank: number | null, applicantChoice: number): string {
  const ordinal = (n: number) =>
    `${n}${n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th"}`;
  const project = projectRank === null ? "not ranked by the project" : `ranked ${ordinal(projectRank)} by the project`;
  return `${project} · their ${ordinal(applicantChoice)} choice`;
}

function Selection({ program, term }: { program: string; term: string }) {
  const found = useApi<SelectionView>(selectionApi.selection(term));
  const [fresh, setFresh] = useState<SelectionView | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmPublish, setConfirmPublish] = useState(false);
  if (found.error && !found.data) return <ErrorPanel error={found.error} onRetry={found.reload} />;
  if (!found.data) return <Loading what="the selection" />;
  const data = fresh ?? found.data;
  const published = data.run?.state === "published";
  const sent = data.run?.noticesSentAt ?? null;
  const zone = viewerTimeZone();

  const act = async (work: () => Promise<SelectionView>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      setFresh(await work());
      setMessage(done);
    } catch (caught) {
      setMessage(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  const runIt = () => act(() => sendJson<SelectionView>("POST", selectionApi.runs(term)), "The selection ran: its proposal is below.");
  const publish = (run: number) =>
    act(
      () => sendJson<SelectionView>("POST", selectionApi.publish(term), { run }),
      "The selection is published. The outcome emails go out at the notifications instant.",
    ).then(() => setConfirmPublish(false));
  const override = (application: number, kind: "pin" | "exclude" | null, words: string) =>
    act(
      () => sendJson<SelectionView>("PUT", selectionApi.override(term, application), { kind }),
      `${words} Run the selection again to see it in the proposal.`,
    );

  return (
    <>
      <div className="applications-head">
        <p className="lead">
          {data.term.title} · <Link href={adminPaths.term(program, term)}>term setup</Link>
        </p>
        <p className="actions">
          {published ? null : (
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void runIt()}>
              {data.run ? "Run the selection again" : "Run the selection"}
            </button>
          )}
          {data.run ? (
            <a className="button" href={selectionApi.csv(term)} download>
              Export CSV<span className="visually-hidden"> of the proposal</span>
            </a>
          ) : null}
        </p>
      </div>
      <p className="small" role="status" aria-live="polite">
        {message}
      </p>
      {data.run ? (
        <p>
          <Chip tone={published ? "open" : "info"}>{published ? "Published" : "Proposal"}</Chip> Run on {formatDateTime(new Date(data.run.createdAt), zone)}
          {data.run.runBy ? ` by ${data.run.runBy}` : ""}: {counted(data.totals.mentorships, "mentorship")} for {counted(data.totals.slots, "slot")},{" "}
          {data.totals.emptySlots} left empty, {counted(data.totals.conflicts, "conflict")} resolved,{" "}
          {counted(data.totals.leftWithout, "shortlisted applicant")} left without a mentorship.
        </p>
      ) : (
        <p>
          The selection has not run yet. It matches the mentors' ranked shortlists with the applicants' own order: each applicant gets at most one mentorship,
          each project at most its {data.totals.slots === 1 ? "slot" : "slots"}, and no applicant and project would both rather have each other.
        </p>
      )}

      {data.run && !published ? (
        <section className="panel" aria-labelledby="publish-heading">
          <h2 id="publish-heading">Publish</h2>
          {confirmPublish ? (
            <fieldset className="confirm confirm-box">
              <legend>Publish this proposal?</legend>
              <p className="small">
                It becomes the term's selection and no longer changes. Applicants hear nothing before{" "}
                {data.noticesAt ? instantInSentence(data.noticesAt, data.term.timeZone) : "the notifications date, which the timeline does not have yet"}; then
                each gets one email: their offer, or “not selected”.
              </p>
              <p className="actions">
                <button type="button" className="button button-primary" disabled={busy} onClick={() => void publish(data.run?.id ?? 0)}>
                  Publish it
                </button>
                <button type="button" className="button" onClick={() => setConfirmPublish(false)}>
                  Not yet
                </button>
              </p>
            </fieldset>
          ) : (
            <p>
              <button type="button" className="button" disabled={busy} onClick={() => setConfirmPublish(true)}>
                Publish this selection…
              </button>
            </p>
          )}
        </section>
      ) : null}
      {published && data.run ? (
        <section className="panel" aria-labelledby="notices-heading">
          <h2 id="notices-heading">Outcome emails</h2>
          {sent ? (
            <p>
              Sent on {formatDateTime(new Date(sent), zone)}: each applicant got their offer or “not selected”. Offers and their answers are listed per project
              below.
            </p>
          ) : (
            <>
              <p>
                Published on {data.run.publishedAt ? formatDateTime(new Date(data.run.publishedAt), zone) : "—"}. The emails below go out on{" "}
                {data.noticesAt ? instantInSentence(data.noticesAt, data.term.timeZone) : "the notifications date"}; nothing changes for applicants before then.
              </p>
              <NoticesPreview term={term} termZone={data.term.timeZone} />
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading">Per project</h2>
        <ul className="selection-projects">
          {data.projects
            .filter((item) => item.slots > 0 || item.assigned.length > 0)
            .map((item) => (
              <li key={item.project.slug} className="panel selection-project">
                <h3>
                  <Link href={pagePaths.project(item.project.slug)}>{item.project.title}</Link>
                </h3>
                <p className="muted small">
                  {item.project.organization} · {item.slots} slot{item.slots === 1 ? "" : "s"}
                </p>
                {item.assigned.length === 0 ? null : (
                  <ul className="selection-assigned">
                    {item.assigned.map((assigned) => (
                      <li key={assigned.applicationId}>
                        <Link href={pagePaths.application(assigned.applicationId)}>{assigned.applicant.name}</Link>{" "}
                        <span className="muted small">{places(assigned.projectRank, assigned.applicantChoice)}</span>{" "}
                        {assigned.pinned ? <Chip tone="info">Pinned</Chip> : null}
                        {published ? null : (
                          <button
                            type="button"
                            className="link-button"
                            disabled={busy}
                            onClick={() =>
                              void override(assigned.applicationId, "exclude", `${assigned.applicant.name} is excluded from ${item.project.title}.`)
                            }
                          >
                            Exclude
                            <span className="visually-hidden">
                              {" "}
                              {assigned.applicant.name} from {item.project.title}
                            </span>
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {item.offers.length === 0 ? null : (
                  <>
                    <h4 className="selection-offers-heading">Offers</h4>
                    <ul className="selection-offers">
                      {item.offers.map((offer) => (
                        <li key={offer.applicationId}>
                          <Link href={pagePaths.application(offer.applicationId)}>{offer.applicant.name}</Link>{" "}
                          <Chip tone={APPLICATION_STATE_TONE[offer.state]}>{offer.stateLabel}</Chip>{" "}
                          <span className="muted small">
                            {offer.fromWaitlist ? "from the waitlist · " : ""}
                            {offer.state === "offered" && offer.respondBy
                              ? `answer by ${formatDateTime(new Date(offer.respondBy), zone)}`
                              : offer.answeredAt
                                ? formatDateTime(new Date(offer.answeredAt), zone)
                                : ""}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {item.empty > 0 ? (
                  <p className="small">
                    {item.empty} slot{item.empty === 1 ? "" : "s"} left empty: {item.emptyReason}
                  </p>
                ) : null}
              </li>
            ))}
        </ul>
      </section>

      <section aria-labelledby="conflicts-heading">
        <h2 id="conflicts-heading">Conflicts resolved ({data.conflicts.length})</h2>
        {data.conflicts.length === 0 ? (
          <p className="muted">No applicant was ranked by more than one project.</p>
        ) : (
          <ul className="selection-conflicts">
            {data.conflicts.map((conflict) => (
              <li key={conflict.applicant.name + (conflict.project?.slug ?? "")}>
                <strong>{conflict.applicant.name}</strong> {conflict.project ? `goes to ${conflict.project.title}.` : "gets no mentorship."}
                <ul>
                  {conflict.others.map((other) => (
                    <li key={other.applicationId}>
                      {other.project.title} (ranked {other.projectRank}): {other.words}{" "}
                      {published ? null : (
                        <button
                          type="button"
                          className="link-button"
                          disabled={busy}
                          onClick={() => void override(other.applicationId, "pin", `${conflict.applicant.name} is pinned to ${other.project.title}.`)}
                        >
                          Pin here
                          <span className="visually-hidden">
                            : {conflict.applicant.name} to {other.project.title}
                          </span>
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="left-heading">
        <h2 id="left-heading">Shortlisted, left without a mentorship ({data.leftWithout.total})</h2>
        {data.leftWithout.total === 0 ? (
          <p className="muted">Everyone a project ranked has a mentorship.</p>
        ) : (
          <ul>
            {data.leftWithout.items.map((item) => (
              <li key={item.applicant.name + item.rankedBy.map((project) => project.slug).join()}>
                {item.applicant.name}: ranked by {item.rankedBy.map((project) => project.title).join(", ")}, whose slots went to applicants ranked higher.
              </li>
            ))}
          </ul>
        )}
        {data.leftWithout.total > data.leftWithout.items.length ? <p className="muted small">The first {data.leftWithout.items.length} by name.</p> : null}
      </section>

      <section aria-labelledby="overrides-heading">
        <h2 id="overrides-heading">Pins and exclusions ({data.overrides.length})</h2>
        {data.overrides.length === 0 ? (
          <p className="muted">None: the next run follows the rankings alone.</p>
        ) : (
          <ul>
            {data.overrides.map((item) => (
              <li key={item.applicationId}>
                {item.kind === "pin" ? "Pinned" : "Excluded"}: {item.applicant} {item.kind === "pin" ? "to" : "from"} {item.project.title}{" "}
                {published ? null : (
                  <button type="button" className="link-button" disabled={busy} onClick={() => void override(item.applicationId, null, "Cleared.")}>
                    Clear
                    <span className="visually-hidden">
                      {" "}
                      the {item.kind === "pin" ? "pin" : "exclusion"} of {item.applicant}
                    </span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** `/admin/:program/terms/:term/selection`: run the solver, read its proposal, pin or exclude pairs, export it. */
export function SelectionPage({ program, term }: { program: string; term: string }) {
  return (
    <AdminFrame program={program} title="Selection">
      {() => <Selection program={program} term={term} />}
    </AdminFrame>
  );
}
