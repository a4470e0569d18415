import { useState } from "react";
import { Link } from "wouter";
import type { AcceptProposalBody, Proposal, RejectProposalBody, RequestChangesBody } from "../../../../src/schemas/proposal.ts";
import { type ApiError, asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { Chip } from "../../components/chip.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { FieldErrorText, fieldId } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { countOf } from "../../text.ts";
import { proposalApi, proposalPages } from "../proposals/proposal-paths.ts";
import { MENTOR_ANSWER_LABEL, MENTOR_ANSWER_TONE, mentorLabel, PROPOSAL_STATE_LABEL, PROPOSAL_STATE_TONE } from "../proposals/proposal-words.ts";
import { ChangeDiff } from "./change-diff.tsx";

/** The decisions an admin takes on a proposal, each posted with its body, and the words said back once it is done. */
type Decision =
  | { kind: "accept"; body: AcceptProposalBody }
  | { kind: "reject"; body: RejectProposalBody }
  | { kind: "request-changes"; body: RequestChangesBody }
  | { kind: "approve-change"; body: undefined };

function pathOf(decision: Decision, slug: string): string {
  if (decision.kind === "accept") return proposalApi.accept(slug);
  if (decision.kind === "reject") return proposalApi.reject(slug);
  if (decision.kind === "request-changes") return proposalApi.requestChanges(slug);
  return proposalApi.approveChange(slug);
}

function doneWords(decision: Decision, proposal: Proposal): string {
  if (decision.kind === "accept")
    return `Accepted “${proposal.title}” with ${countOf(decision.body.slots, "slot", "slots")}. It is in the term's catalog; its maintainers and confirmed mentors get an email.`;
  if (decision.kind === "reject") return `Rejected “${proposal.title}”. Its maintainers get an email with your reason.`;
  if (decision.kind === "request-changes")
    return `Asked for changes to “${proposal.title}”. Its maintainers get an email with your comment and can submit again.`;
  return `Approved the change to “${proposal.title}”: the public catalog shows the new text now.`;
}

/** A textarea for an admin's words to the maintainers, with its button. */
function WordsForm({
  name,
  label,
  button,
  busy,
  error,
  onSend,
}: {
  name: string;
  label: string;
  button: string;
  busy: boolean;
  error: string | undefined;
  onSend(text: string): void;
}) {
  const [text, setText] = useState("");
  const id = fieldId(name);
  return (
    <form
      className={error ? "field field-invalid decision-form" : "field decision-form"}
      onSubmit={(event) => {
        event.preventDefault();
        onSend(text);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="input"
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FieldErrorText id={`${id}-error`} error={error} />
      <p className="form-actions">
        <button type="submit" className="button" disabled={busy || text.trim() === ""}>
          {button}
        </button>
      </p>
    </form>
  );
}

/**
 * One proposal's decisions for the board: accept with slots (the slots it asked for by default),
 * reject with a reason, ask for changes with a comment, or approve a pending change after reading
 * its diff. The result of each is said in words; the board reloads to show the new state.
 */
export function ProposalDecisionPanel({ slug, onDecided, onClose }: { slug: string; onDecided(): void; onClose(): void }) {
  const proposal = useApi<Proposal>(proposalApi.proposal(slug));
  const [slots, setSlots] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const data = proposal.data;
  const fieldError = (field: string) => error?.errors.find((problem) => problem.field.replace(/^body\./, "") === field)?.detail;

  const decide = (decision: Decision) => {
    if (!data) return;
    setBusy(true);
    setError(null);
    setDone(null);
    sendJson<Proposal>("POST", pathOf(decision, data.slug), decision.body).then(
      () => {
        setBusy(false);
        setDone(doneWords(decision, data));
        proposal.reload();
        onDecided();
      },
      (caught: unknown) => {
        setBusy(false);
        setError(asApiError(caught));
      },
    );
  };

  return (
    <section className="panel decision-panel" aria-labelledby="decision-heading" tabIndex={-1} id="decision-panel">
      <div className="decision-head">
        <h2 id="decision-heading">Decide: {data ? data.title : slug}</h2>
        <button type="button" className="button" onClick={onClose}>
          Close<span className="visually-hidden"> the decision panel</span>
        </button>
      </div>
      {done ? <Notice title={done} /> : null}
      {proposal.error ? <ErrorPanel error={proposal.error} onRetry={proposal.reload} /> : null}
      {!data ? (
        proposal.status === "loading" ? (
          <Loading what="the proposal" />
        ) : null
      ) : (
        <>
          <p>
            <Chip tone={PROPOSAL_STATE_TONE[data.state]}>{PROPOSAL_STATE_LABEL[data.state]}</Chip> {data.organization.name} ·{" "}
            {data.state === "accepted" ? `accepted with ${countOf(data.slots, "slot", "slots")}` : `asks for ${countOf(data.slotsRequested, "slot", "slots")}`}{" "}
            · <Link href={proposalPages.proposal(data.slug)}>Open the proposal</Link>
          </p>
          <ul className="plain-list">
            {data.mentors.map((mentor) => (
              <li key={mentor.personId}>
                {mentorLabel(mentor)} <Chip tone={MENTOR_ANSWER_TONE[mentor.confirmation]}>{MENTOR_ANSWER_LABEL[mentor.confirmation]}</Chip>
              </li>
            ))}
          </ul>
          <FormError id="decision" error={error && error.errors.length === 0 ? error : null} />
          {data.pendingChange ? (
            <div className="stack">
              <h3>Pending change</h3>
              <ChangeDiff change={data.pendingChange} />
              <p className="form-actions">
                <button type="button" className="button button-primary" disabled={busy} onClick={() => decide({ kind: "approve-change", body: undefined })}>
                  Approve the change
                </button>
              </p>
            </div>
          ) : null}
          {data.state === "submitted" || data.state === "changes_requested" ? (
            <div className="decision-grid">
              <form
                className={fieldError("slots") ? "field field-invalid decision-form" : "field decision-form"}
                onSubmit={(event) => {
                  event.preventDefault();
                  decide({ kind: "accept", body: { slots: Number.parseInt(slots ?? String(data.slotsRequested), 10) } });
                }}
              >
                <label htmlFor={fieldId("slots")}>Slots to fund</label>
                <input
                  id={fieldId("slots")}
                  className="input input-short"
                  type="number"
                  min={1}
                  max={10}
                  value={slots ?? String(data.slotsRequested)}
                  onChange={(event) => setSlots(event.target.value)}
                  aria-invalid={fieldError("slots") ? true : undefined}
                  aria-describedby={fieldError("slots") ? `${fieldId("slots")}-error` : undefined}
                />
                <FieldErrorText id={`${fieldId("slots")}-error`} error={fieldError("slots")} />
                <p className="form-actions">
                  <button type="submit" className="button button-primary" disabled={busy}>
                    Accept
                  </button>
                </p>
              </form>
              <WordsForm
                name="comment"
                label="What should change"
                button="Ask for changes"
                busy={busy}
                error={fieldError("comment")}
                onSend={(comment) => decide({ kind: "request-changes", body: { comment } })}
              />
              <WordsForm
                name="reason"
                label="Why it is rejected"
                button="Reject"
                busy={busy}
                error={fieldError("reason")}
                onSend={(reason) => decide({ kind: "reject", body: { reason } })}
              />
            </div>
          ) : data.pendingChange ? null : (
            <p className="muted">Nothing to decide: the proposal is {PROPOSAL_STATE_LABEL[data.state].toLowerCase()}.</p>
          )}
        </>
      )}
    </section>
  );
}
