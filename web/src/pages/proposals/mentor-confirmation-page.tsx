import { useEffect, useState } from "react";
import { Link } from "wouter";
import type { MentorConfirmationResponse, MentorTokenBody } from "../../../../src/schemas/proposal.ts";
import { type ApiError, asApiError } from "../../api/api-error.ts";
import { pagePaths } from "../../api/paths.ts";
import { sendJson } from "../../api/send-json.ts";
import { Chip } from "../../components/chip.tsx";
import { Loading } from "../../components/load-states.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { TextField } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { useFragmentToken } from "../../session/fragment-token.ts";
import { proposalApi, proposalPages } from "./proposal-paths.ts";
import "./proposals.css";
import { MENTOR_ANSWER_LABEL, MENTOR_ANSWER_TONE } from "./proposal-words.ts";

type Lookup = { state: "loading" } | { state: "ok"; confirmation: MentorConfirmationResponse } | { state: "failed"; error: ApiError };

/** What an answer means, said back to the mentor once it is recorded. */
function answeredWords(confirmation: MentorConfirmationResponse): string | null {
  const project = `“${confirmation.proposal.title}”`;
  if (confirmation.confirmation === "confirmed")
    return `You confirmed: you will mentor ${project}. Once the program's admins accept the project, you are listed on its public page and get the applications to it.`;
  if (confirmation.confirmation === "declined")
    return `You declined to mentor ${project}. You will not be listed on it; ${confirmation.namedBy ?? "the maintainer"} sees your answer.`;
  return null;
}

/**
 * `/mentor-confirmations#token=…`, the page of the emailed link (the token in the fragment,
 * which no server or Referer sees): which project, who named the mentor, and Confirm or
 * Decline; it works signed out, since the link is the proof. The answer can be changed from the
 * same link.
 */
export function MentorConfirmationPage() {
  useDocumentTitle("Mentor confirmation");
  const [token] = useFragmentToken();
  return (
    <div className="page narrow mentor-confirmation">
      <h1>Will you mentor this project?</h1>
      {token ? (
        <Confirmation key={token} token={token} />
      ) : (
        <div className="error-panel" role="alert">
          <p>
            <strong className="error-label">No link:</strong> open this page from the link of the email that named you as a mentor.
          </p>
        </div>
      )}
    </div>
  );
}

/** The project the token names, and the mentor's answer to it. */
function Confirmation({ token }: { token: string }) {
  const [lookup, setLookup] = useState<Lookup>({ state: "loading" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [justAnswered, setJustAnswered] = useState(false);
  // Asked only of a mentor Cohort knows no name for: a confirmed mentor is shown by name.
  const [name, setName] = useState("");
  const [githubHandle, setGithubHandle] = useState("");
  const fieldError = (field: string) => error?.errors.find((problem) => problem.field === field)?.detail;

  useEffect(() => {
    let cancelled = false;
    sendJson<MentorConfirmationResponse>("POST", proposalApi.lookUpConfirmation(), { token } satisfies MentorTokenBody).then(
      (confirmation) => !cancelled && setLookup({ state: "ok", confirmation }),
      (caught: unknown) => !cancelled && setLookup({ state: "failed", error: asApiError(caught) }),
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  const answer = (choice: NonNullable<MentorTokenBody["answer"]>) => {
    setBusy(true);
    setError(null);
    const identity =
      choice === "confirm" && lookup.state === "ok" && lookup.confirmation.needsName
        ? { ...(name.trim() ? { name: name.trim() } : {}), ...(githubHandle.trim() ? { githubHandle: githubHandle.trim().replace(/^@/, "") } : {}) }
        : {};
    sendJson<MentorConfirmationResponse>("POST", proposalApi.answerConfirmation(), { token, answer: choice, ...identity } satisfies MentorTokenBody).then(
      (confirmation) => {
        setBusy(false);
        setJustAnswered(true);
        setLookup({ state: "ok", confirmation });
      },
      (caught: unknown) => {
        setBusy(false);
        setError(asApiError(caught));
      },
    );
  };

  return (
    <>
      {lookup.state === "loading" ? <Loading what="the project" /> : null}
      {lookup.state === "failed" ? (
        <div className="error-panel" role="alert">
          <p>
            <strong className="error-label">This link does not work:</strong> {lookup.error.message}
          </p>
          <p>Ask the maintainer who named you to send the email again from the proposal's page.</p>
        </div>
      ) : null}
      {lookup.state === "ok" ? (
        <>
          <article className="card">
            <h2 className="card-title">{lookup.confirmation.proposal.title}</h2>
            <p className="card-org">
              {lookup.confirmation.proposal.organizationName} · {lookup.confirmation.proposal.termTitle}
            </p>
            {lookup.confirmation.proposal.summary ? <p className="card-summary">{lookup.confirmation.proposal.summary}</p> : null}
            <p>
              {lookup.confirmation.namedBy ?? "A maintainer"} named you{lookup.confirmation.mentorName ? `, ${lookup.confirmation.mentorName},` : ""} as a
              mentor of this project.
            </p>
            <p>
              Your answer: <Chip tone={MENTOR_ANSWER_TONE[lookup.confirmation.confirmation]}>{MENTOR_ANSWER_LABEL[lookup.confirmation.confirmation]}</Chip>
            </p>
          </article>
          {justAnswered && answeredWords(lookup.confirmation) ? <Notice title="Answer recorded">{answeredWords(lookup.confirmation)}</Notice> : null}
          <FormError id="mentor-answer" error={error} />
          <p>Confirming means you will mentor the project if the program accepts it: review its applications and guide the mentee through the term.</p>
          {lookup.confirmation.needsName && lookup.confirmation.confirmation !== "confirmed" ? (
            <fieldset className="mentor-identity">
              <legend>How the project's page names you</legend>
              <TextField
                name="name"
                label="Your name"
                hint="Shown to applicants once the project is accepted. Your email address is never shown."
                autoComplete="name"
                maxLength={100}
                value={name}
                onChange={(event) => setName(event.target.value)}
                error={fieldError("name")}
              />
              <TextField
                name="githubHandle"
                label="GitHub handle (optional)"
                autoComplete="off"
                spellCheck={false}
                maxLength={40}
                value={githubHandle}
                onChange={(event) => setGithubHandle(event.target.value)}
                error={fieldError("githubHandle")}
              />
            </fieldset>
          ) : null}
          <p className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy || lookup.confirmation.confirmation === "confirmed"}
              onClick={() => answer("confirm")}
            >
              Confirm: I will mentor it
            </button>
            <button type="button" className="button" disabled={busy || lookup.confirmation.confirmation === "declined"} onClick={() => answer("decline")}>
              Decline
            </button>
          </p>
          <p className="muted small">
            Signed in? You can also answer on <Link href={proposalPages.proposal(lookup.confirmation.proposal.slug)}>the proposal's page</Link>.{" "}
            <Link href={pagePaths.home()}>Cohort's home</Link>
          </p>
        </>
      ) : null}
    </>
  );
}
