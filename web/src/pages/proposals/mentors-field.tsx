import { useState } from "react";
import type { Proposal, ProposalMentor } from "../../../../src/schemas/proposal.ts";
import { asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { Chip } from "../../components/chip.tsx";
import { TextRows } from "../../forms/text-rows.tsx";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { proposalApi } from "./proposal-paths.ts";
import { MENTOR_ANSWER_LABEL, MENTOR_ANSWER_TONE, mentorLabel } from "./proposal-words.ts";

/** The named mentor a typed entry stands for: by the words the maintainer named them with, or their handle. */
export function mentorNamed(mentors: readonly ProposalMentor[], typed: string): ProposalMentor | undefined {
  const wanted = typed.trim().toLowerCase();
  if (wanted === "") return undefined;
  return mentors.find(
    (mentor) => mentor.namedAs?.toLowerCase() === wanted || (mentor.githubHandle !== null && `@${mentor.githubHandle.toLowerCase()}` === wanted),
  );
}

/** A named mentor's answer and, while they have not answered, a button that sends the email again. */
function MentorAnswer({ proposal, mentor, onChanged }: { proposal: Proposal; mentor: ProposalMentor; onChanged(proposal: Proposal): void }) {
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const when = (iso: string) => formatDateTime(new Date(iso), viewerTimeZone());
  const askAgain = () => {
    setBusy(true);
    sendJson<Proposal>("POST", proposalApi.askAgain(proposal.slug, mentor.personId)).then(
      (answer) => {
        setBusy(false);
        setResult(`Sent ${mentorLabel(mentor)} the confirmation email again.`);
        onChanged(answer);
      },
      (caught: unknown) => {
        setBusy(false);
        setResult(asApiError(caught).message);
      },
    );
  };
  const canAsk = proposal.abilities.edit && mentor.askedAt !== null && mentor.confirmation === "pending";
  return (
    <div className="mentor-answer">
      <span className="small">{mentorLabel(mentor)}</span>{" "}
      <Chip tone={MENTOR_ANSWER_TONE[mentor.confirmation]}>{MENTOR_ANSWER_LABEL[mentor.confirmation]}</Chip>{" "}
      <span className="muted small">
        {mentor.answeredAt
          ? `answered ${when(mentor.answeredAt)}`
          : mentor.askedAt
            ? `asked ${when(mentor.askedAt)}`
            : "asked by email when you submit the proposal"}
      </span>
      {canAsk ? (
        <button type="button" className="link-button small" onClick={askAgain} disabled={busy}>
          Ask again<span className="visually-hidden"> {mentorLabel(mentor)}</span>
        </button>
      ) : null}
      {result ? (
        <p className="small" role="status">
          {result}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The mentors, one per row by email or @handle; once the proposal knows them, each row says the
 * mentor's answer. Only confirmed mentors are ever shown publicly.
 */
export function MentorsField({
  proposal,
  mentors,
  onChange,
  onProposal,
  errors,
}: {
  proposal: Proposal;
  mentors: string[];
  onChange(mentors: string[]): void;
  onProposal(proposal: Proposal): void;
  errors: (field: string) => string | undefined;
}) {
  return (
    <TextRows
      name="mentors"
      legend="Mentors"
      hint="One or more, each by email address or GitHub handle (@name). People Cohort does not know yet get an email invitation. Each mentor confirms by email; only confirmed mentors are shown publicly."
      rowLabel="Mentor"
      addLabel="Add a mentor"
      placeholder="name@example.org or @handle"
      values={mentors}
      onChange={onChange}
      errors={errors}
      extra={(typed) => {
        const mentor = mentorNamed(proposal.mentors, typed);
        return mentor ? <MentorAnswer proposal={proposal} mentor={mentor} onChanged={onProposal} /> : null;
      }}
    />
  );
}
