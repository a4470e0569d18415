import { useState } from "react";
import type { MentorAnswerBody, Proposal } from "../../../../src/schemas/proposal.ts";
import { type ApiError, asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { Chip } from "../../components/chip.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { formatDateTime, instantInSentence } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { proposalApi } from "./proposal-paths.ts";
import { PROPOSAL_STATE_LABEL, PROPOSAL_STATE_TONE, proposalStateSentence } from "./proposal-words.ts";

/** An admin's words to the maintainer, shown as written: plain text, never rendered as Markdown here. */
function AdminWords({ title, text }: { title: string; text: string }) {
  return (
    <div className="admin-words">
      <p className="notice-title">{title}</p>
      <p className="plain-text">{text}</p>
    </div>
  );
}

/** The named mentor's own Confirm and Decline, for someone signed in who was named on this proposal. */
function MentorAnswerButtons({ proposal, onProposal }: { proposal: Proposal; onProposal(proposal: Proposal): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const answer = (choice: MentorAnswerBody["answer"]) => {
    setBusy(true);
    setError(null);
    sendJson<Proposal>("POST", proposalApi.mentorAnswer(proposal.slug), { answer: choice } satisfies MentorAnswerBody).then(
      (answered) => {
        setBusy(false);
        onProposal(answered);
      },
      (caught: unknown) => {
        setBusy(false);
        setError(asApiError(caught));
      },
    );
  };
  return (
    <div className="panel mentor-ask">
      <p className="notice-title">You are named as a mentor of this project</p>
      <p>
        {proposal.proposedBy ?? "A maintainer"} named you as a mentor of this {proposal.organization.name} project. Confirming means you will mentor it in{" "}
        {proposal.term.title}; the public sees only mentors who confirmed.
      </p>
      <FormError id="mentor-answer" error={error} />
      <p className="actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => answer("confirm")}>
          Confirm: I will mentor it
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => answer("decline")}>
          Decline
        </button>
      </p>
    </div>
  );
}

/**
 * Where the proposal stands, in words with its next step and date; the admins' comment or
 * reason; a pending change; and the buttons the caller may use (submit, withdraw, answer as a
 * mentor). Submitting saves what is unsaved first.
 */
export function ProposalStatus({
  proposal,
  proposalsClose,
  onProposal,
  beforeSubmit,
  onSubmitFailed,
}: {
  proposal: Proposal;
  /** The end of the term's proposals phase, when it has one. */
  proposalsClose: string | null;
  onProposal(proposal: Proposal): void;
  /** Saves what is unsaved; resolves false when it could not. */
  beforeSubmit(): Promise<boolean>;
  /** The fields a refused submission named, for the form to show beside them. */
  onSubmitFailed(error: ApiError): void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const zone = proposal.term.timeZone;
  const closes = proposalsClose ? { words: instantInSentence(proposalsClose, zone), past: Date.parse(proposalsClose) <= Date.now() } : null;

  const act = (path: string, done: (proposal: Proposal) => string) => {
    setBusy(true);
    setError(null);
    setResult(null);
    sendJson<Proposal>("POST", path).then(
      (answer) => {
        setBusy(false);
        setConfirmWithdraw(false);
        setResult(done(answer));
        onProposal(answer);
      },
      (caught: unknown) => {
        const failure = asApiError(caught);
        setBusy(false);
        setError(failure);
        onSubmitFailed(failure);
      },
    );
  };
  const submit = () => {
    setBusy(true);
    void beforeSubmit().then((saved) => {
      setBusy(false);
      if (!saved) {
        setResult("The proposal could not be saved, so it was not submitted: see the message under the form.");
        return;
      }
      act(proposalApi.submit(proposal.slug), (answer) =>
        answer.mentors.some((mentor) => mentor.confirmation === "pending")
          ? "Submitted. Each mentor who has not confirmed yet gets an email asking them to; the admins review the proposal."
          : "Submitted. The admins review the proposal; you get an email when they decide.",
      );
    });
  };

  return (
    <section className="panel proposal-status" aria-labelledby="status-heading">
      <h2 id="status-heading">
        Status <Chip tone={PROPOSAL_STATE_TONE[proposal.state]}>{PROPOSAL_STATE_LABEL[proposal.state]}</Chip>
      </h2>
      <p>{proposalStateSentence(proposal.state, closes, proposal.slots, proposal.abilities.decide && proposal.abilities.edit)}</p>
      {proposal.submittedAt ? <p className="muted small">Submitted {formatDateTime(new Date(proposal.submittedAt), viewerTimeZone())}.</p> : null}
      {proposal.state === "changes_requested" && proposal.reviewComment ? (
        <AdminWords title="What the admins asked you to change" text={proposal.reviewComment} />
      ) : null}
      {proposal.state === "rejected" && proposal.rejectionReason ? <AdminWords title="Why it was rejected" text={proposal.rejectionReason} /> : null}
      {proposal.pendingChange ? (
        <Notice tone="info" title="A pending change awaits an admin's approval">
          <p>
            Your edit of {proposal.state === "accepted" ? "this accepted project" : "this proposal"} from{" "}
            {formatDateTime(new Date(proposal.pendingChange.proposedAt), viewerTimeZone())} waits for an admin to approve it. The public catalog keeps the
            accepted text until then; further edits join the same change.
          </p>
        </Notice>
      ) : null}
      {proposal.abilities.answerAsMentor ? <MentorAnswerButtons proposal={proposal} onProposal={onProposal} /> : null}
      <FormError id="proposal-action" error={error} />
      {result ? <Notice title={result} /> : null}
      {proposal.abilities.submit || proposal.abilities.withdraw ? (
        <div className="actions">
          {proposal.abilities.submit ? (
            <button type="button" className="button button-primary" disabled={busy} onClick={submit}>
              {proposal.state === "changes_requested" ? "Submit again" : "Submit the proposal"}
            </button>
          ) : null}
          {proposal.abilities.withdraw && !confirmWithdraw ? (
            <button type="button" className="button" disabled={busy} onClick={() => setConfirmWithdraw(true)}>
              Withdraw…
            </button>
          ) : null}
        </div>
      ) : null}
      {proposal.abilities.submit ? (
        <p className="muted small">
          Submitting sends each mentor who has not confirmed an email to confirm or decline, and puts the proposal before the program's admins.
        </p>
      ) : null}
      {confirmWithdraw ? (
        <fieldset className="confirm">
          <legend className="visually-hidden">Withdraw the proposal</legend>
          <p>
            Withdraw “{proposal.title}”? It will not be in this term{proposal.state === "accepted" ? ", it leaves the public catalog" : ""}, and it cannot be
            submitted again.
          </p>
          <p className="actions">
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => act(proposalApi.withdraw(proposal.slug), () => "Withdrawn. The project will not be in this term.")}
            >
              Withdraw the proposal
            </button>
            <button type="button" className="button" onClick={() => setConfirmWithdraw(false)}>
              Keep it
            </button>
          </p>
        </fieldset>
      ) : null}
    </section>
  );
}
