import { Link } from "wouter";
import type { MyApplicationsResponse } from "../../../../src/schemas/application.ts";
import type { ProgramListResponse, TermListResponse } from "../../../../src/schemas/catalog.ts";
import type { MyProposalsResponse } from "../../../../src/schemas/proposal.ts";
import type { TermHealth } from "../../../../src/schemas/term-health.ts";
import { apiPaths } from "../../api/paths.ts";
import { useApi } from "../../api/use-api.ts";
import { Chip } from "../../components/chip.tsx";
import { DeadlineSummary } from "../../components/deadline-summary.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import type { Me } from "../../session/session.tsx";
import { countOf } from "../../text.ts";
import { instantInSentence } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { ApplicantWork, unsubmittedDrafts } from "../applications/applicant-work.tsx";
import { applicationApi } from "../applications/application-paths.ts";
import { MentoringWork } from "../mentoring/mentoring-work.tsx";
import { proposalApi, proposalPages } from "../proposals/proposal-paths.ts";
import { mentorCounts, PROPOSAL_STATE_LABEL, PROPOSAL_STATE_TONE } from "../proposals/proposal-words.ts";
import "../proposals/proposals.css";

/** The distinct programs of the person's roles of one kind, with the organizations they maintain there. */
function programsWith(
  me: Me,
  role: "maintainer" | "program_admin",
): Array<{ slug: string; name: string; organizations: Array<{ slug: string; name: string }> }> {
  const programs = new Map<string, { slug: string; name: string; organizations: Array<{ slug: string; name: string }> }>();
  for (const grant of me.roles) {
    if (grant.role !== role) continue;
    const program = programs.get(grant.program.slug) ?? { ...grant.program, organizations: [] };
    if (grant.organization) program.organizations.push(grant.organization);
    programs.set(program.slug, program);
  }
  return [...programs.values()];
}

/** "Propose a project" for each organization the person maintains and each term of the program whose proposals are open. */
function ProposeLinks({ program }: { program: { slug: string; name: string; organizations: Array<{ slug: string; name: string }> } }) {
  const terms = useApi<TermListResponse>(apiPaths.programTerms(program.slug));
  const open = (terms.data?.items ?? []).filter((term) => term.status === "proposals_open");
  if (open.length === 0) return null;
  return (
    <>
      {open.flatMap((term) =>
        program.organizations.map((organization) => (
          <li key={`${term.slug}/${organization.slug}`} className="card propose-card">
            <p className="card-title">
              <Link href={proposalPages.new(term.slug, organization.slug)} className="button button-primary">
                Propose a project<span className="visually-hidden"> for {organization.name}</span>
              </Link>
            </p>
            <p>
              {organization.name} · {term.title}
            </p>
            <DeadlineSummary term={term} />
          </li>
        )),
      )}
    </>
  );
}

/** A maintainer's proposals with the next step and deadline of each, and where to propose another. */
function MaintainerWork({ me, mine }: { me: Me; mine: MyProposalsResponse | null }) {
  const programs = programsWith(me, "maintainer");
  if (programs.length === 0) return null;
  return (
    <section aria-labelledby="maintained-heading" className="home-section">
      <h3 id="maintained-heading">Your organizations' proposals</h3>
      <ul className="card-grid plain-list">
        {programs.map((program) => (
          <ProposeLinks key={program.slug} program={program} />
        ))}
      </ul>
      {mine && mine.maintained.length > 0 ? (
        <ul className="work-list">
          {mine.maintained.map((proposal) => (
            <li key={proposal.slug} className="work-item">
              <p className="work-title">
                <Link href={proposalPages.proposal(proposal.slug)}>{proposal.title || "Untitled proposal"}</Link>{" "}
                <Chip tone={PROPOSAL_STATE_TONE[proposal.state]}>{PROPOSAL_STATE_LABEL[proposal.state]}</Chip>
                {proposal.hasPendingChange ? (
                  <>
                    {" "}
                    <Chip tone="closing">Change awaiting approval</Chip>
                  </>
                ) : null}
              </p>
              <p className="muted small">
                {proposal.organization.name} · {proposal.termTitle} · mentors: {mentorCounts(proposal.mentors)}
              </p>
              <p>
                <strong>Next:</strong> {proposal.nextStep}
                {proposal.deadline ? ` By ${instantInSentence(proposal.deadline, viewerTimeZone())}.` : ""}
              </p>
            </li>
          ))}
        </ul>
      ) : mine ? (
        <p className="muted">No proposals yet. While a term takes proposals, “Propose a project” appears here.</p>
      ) : null}
    </section>
  );
}

/** The proposals that name the person as a mentor and wait for their answer. */
function MentorWork({ mine }: { mine: MyProposalsResponse }) {
  if (mine.awaitingMyAnswer.length === 0) return null;
  return (
    <section aria-labelledby="mentor-heading" className="home-section">
      <h3 id="mentor-heading">Waiting for your answer as a mentor</h3>
      <ul className="work-list">
        {mine.awaitingMyAnswer.map((proposal) => (
          <li key={proposal.slug} className="work-item">
            <p className="work-title">
              <Link href={proposalPages.proposal(proposal.slug)}>{proposal.title}</Link>
            </p>
            <p className="muted small">
              {proposal.organization.name} · {proposal.termTitle}
            </p>
            <p>You were named as a mentor: open it to confirm or decline.</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One term's health for its admins: what waits for them, and the way to the board. */
function TermHealthCard({ program, term }: { program: string; term: string }) {
  const health = useApi<TermHealth>(proposalApi.health(term));
  if (health.error) return <ErrorPanel error={health.error} onRetry={health.reload} />;
  const data = health.data;
  if (!data) return <Loading what="the term's health" />;
  const { accepted, budget } = data.slots;
  return (
    <article className="card health-card">
      <h4 className="card-title">{data.term.title}</h4>
      {data.term.published ? null : <Chip tone="neutral">Draft, not public</Chip>}
      <dl className="health-facts">
        <div>
          <dt>Waiting for a decision</dt>
          <dd>{data.waiting.submitted}</dd>
        </div>
        <div>
          <dt>Sent back for changes</dt>
          <dd>{data.waiting.changesRequested}</dd>
        </div>
        <div>
          <dt>With unconfirmed mentors</dt>
          <dd>{data.unconfirmedMentors}</dd>
        </div>
        <div>
          <dt>Changes to approve</dt>
          <dd>{data.pendingChanges}</dd>
        </div>
        <div>
          <dt>Slots accepted</dt>
          <dd>
            {accepted}
            {budget !== null ? ` of ${budget}` : ""}
          </dd>
        </div>
      </dl>
      <DeadlineSummary term={{ nextDeadline: data.nextDeadline, timeZone: data.term.timeZone, status: "planned" }} />
      <p className="actions">
        <Link href={proposalPages.board(program, term, data.waiting.submitted > 0 ? "state=submitted" : "")} className="button button-primary">
          Open the proposal board<span className="visually-hidden"> of {data.term.title}</span>
        </Link>
        {data.pendingChanges > 0 ? (
          <Link href={proposalPages.board(program, term, "pendingChange=true")} className="button">
            {countOf(data.pendingChanges, "change", "changes")} to approve
          </Link>
        ) : null}
      </p>
    </article>
  );
}

/** An admin's terms in need of attention: the current term of each program they run. */
function AdminWork({ me }: { me: Me }) {
  const administered = programsWith(me, "program_admin");
  const programs = useApi<ProgramListResponse>(administered.length > 0 ? apiPaths.programs() : null);
  if (administered.length === 0) return null;
  const current = (programs.data?.items ?? []).filter((program) => program.currentTerm && administered.some((mine) => mine.slug === program.slug));
  return (
    <section aria-labelledby="admin-heading" className="home-section">
      <h3 id="admin-heading">Terms you run</h3>
      {programs.error ? <ErrorPanel error={programs.error} onRetry={programs.reload} /> : null}
      {programs.data && current.length === 0 ? <p className="muted">None of your programs has a current term.</p> : null}
      <div className="card-grid">
        {current.map((program) => (program.currentTerm ? <TermHealthCard key={program.slug} program={program.slug} term={program.currentTerm.slug} /> : null))}
      </div>
    </section>
  );
}

/**
 * "What needs you now" on the home page of a signed-in person: an applicant's drafts to submit
 * before their deadline, a maintainer's proposals and where to propose, a mentor's proposals to
 * answer, an admin's term health.
 */
export function HomeWork({ me }: { me: Me }) {
  // Anyone signed in may be named as a mentor, role or not, so everyone's list is asked for.
  const mine = useApi<MyProposalsResponse>(proposalApi.mine());
  const applications = useApi<MyApplicationsResponse>(applicationApi.mine());
  const drafts = unsubmittedDrafts(applications.data);
  const maintainer = me.roles.some((role) => role.role === "maintainer");
  const admin = me.roles.some((role) => role.role === "program_admin");
  const mentor = me.roles.some((role) => role.role === "mentor");
  if (!maintainer && !admin && !mentor && (mine.data?.awaitingMyAnswer.length ?? 0) === 0 && drafts.length === 0) return null;
  return (
    <section className="home-work" aria-labelledby="work-heading">
      <h2 id="work-heading">What needs you now</h2>
      {mine.error ? <ErrorPanel error={mine.error} onRetry={mine.reload} /> : null}
      <ApplicantWork drafts={drafts} />
      <AdminWork me={me} />
      <MaintainerWork me={me} mine={mine.data} />
      {mine.data ? <MentorWork mine={mine.data} /> : null}
      {mentor ? <MentoringWork /> : null}
    </section>
  );
}
