import { useEffect, useState } from "react";
import { Link } from "wouter";
import type { TokenBody } from "../../../../src/schemas/account.ts";
import type { InvitationSummary } from "../../../../src/schemas/invitation.ts";
import { type ApiError, asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { Loading } from "../../components/load-states.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { dropFragment, fragmentToken, useFragmentToken } from "../../session/fragment-token.ts";
import { forgetReturn, rememberedReturn, withNext } from "../../session/return-path.ts";
import { ROLE_ARTICLE, ROLE_MEANING } from "../../session/role-words.ts";
import { useSession } from "../../session/session.tsx";
import { relativeTo } from "../../time/durations.ts";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";

type Lookup = { state: "no-token" } | { state: "loading" } | { state: "ok"; invitation: InvitationSummary } | { state: "failed"; error: ApiError };

/** The token from `#token`, or from a sign-in with the provider that returned here without the fragment. */
function invitationToken(): string | null {
  const fromHash = fragmentToken();
  if (fromHash) return fromHash;
  const remembered = rememberedReturn();
  if (!remembered?.startsWith("/invitations#")) return null;
  const token = fragmentToken(remembered.slice("/invitations".length));
  if (token) history.replaceState(history.state, "", remembered);
  return token;
}

/** Accepting, for the person signed in with the invited address. */
function AcceptStep({ token, onAccepted }: { token: string; onAccepted(summary: InvitationSummary): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const accept = () => {
    setBusy(true);
    setError(null);
    sendJson<InvitationSummary>("POST", "/api/invitations/accept", { token } satisfies TokenBody).then(onAccepted, (caught: unknown) => {
      setBusy(false);
      setError(asApiError(caught));
    });
  };
  return (
    <>
      <FormError id="accept" error={error} />
      <p className="actions">
        <button type="button" className="button button-primary" onClick={accept} disabled={busy}>
          {busy ? "Accepting…" : "Accept the invitation"}
        </button>
      </p>
    </>
  );
}

/**
 * The page of an invitation link: reads `#token`, shows what is offered and to which address,
 * then lets the invited person accept it, after signing in or up first (the token stays in the
 * fragment across those pages).
 */
export function InvitationPage() {
  useDocumentTitle("Invitation");
  const [initial] = useState(invitationToken);
  const [fromLink] = useFragmentToken();
  const token = fromLink ?? initial;
  return <Invitation key={token ?? ""} token={token} />;
}

function Invitation({ token }: { token: string | null }) {
  const { session, refresh, signedOut } = useSession();
  const [lookup, setLookup] = useState<Lookup>(token ? { state: "loading" } : { state: "no-token" });
  const [accepted, setAccepted] = useState<InvitationSummary | null>(null);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    sendJson<InvitationSummary>("POST", "/api/invitations/lookup", { token } satisfies TokenBody).then(
      (invitation) => !cancelled && setLookup({ state: "ok", invitation }),
      (error: unknown) => !cancelled && setLookup({ state: "failed", error: asApiError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  const onAccepted = (summary: InvitationSummary) => {
    forgetReturn();
    dropFragment();
    setAccepted(summary);
    void refresh();
  };

  if (accepted) {
    return (
      <div className="page auth-page">
        <h1>Invitation accepted</h1>
        <Notice title={`You are now ${ROLE_ARTICLE[accepted.role]} in ${accepted.where}.`}>
          <p>{ROLE_MEANING[accepted.role]}</p>
        </Notice>
        <p className="actions">
          <Link href="/account" className="button button-primary">
            See your roles
          </Link>
          <Link href="/" className="button">
            Browse programs
          </Link>
        </p>
      </div>
    );
  }

  if (lookup.state === "no-token") {
    return (
      <div className="page auth-page">
        <h1>Invitation</h1>
        <p>This page opens from an invitation link, and the link seems to be incomplete.</p>
        <p>Open the link again, or copy its whole address into the address bar.</p>
      </div>
    );
  }
  if (lookup.state === "loading" || session.status === "loading") {
    return (
      <div className="page auth-page">
        <h1>Invitation</h1>
        <Loading what="the invitation" />
      </div>
    );
  }
  if (lookup.state === "failed") {
    return (
      <div className="page auth-page">
        <h1>Invitation</h1>
        <FormError id="invitation" error={lookup.error}>
          <p>Whoever invited you can send a new invitation from their admin page.</p>
        </FormError>
      </div>
    );
  }

  const { invitation } = lookup;
  const here = `/invitations${window.location.hash}`;
  const expires = new Date(invitation.expiresAt);
  const isFor = (email: string | null) => email?.toLowerCase() === invitation.email.toLowerCase();

  return (
    <div className="page auth-page">
      <h1>You are invited</h1>
      <div className="card invitation-card">
        <p className="invitation-offer">
          Be {ROLE_ARTICLE[invitation.role]} in <strong>{invitation.where}</strong>.
        </p>
        <p className="muted">{ROLE_MEANING[invitation.role]}</p>
        <dl className="facts">
          <div>
            <dt>For</dt>
            <dd>{invitation.email}</dd>
          </div>
          <div>
            <dt>Accept by</dt>
            <dd>
              <time dateTime={invitation.expiresAt}>{formatDateTime(expires, viewerTimeZone())}</time> ({relativeTo(expires, new Date())}); it works once.
            </dd>
          </div>
        </dl>
      </div>
      {session.status === "visitor" ? (
        <>
          <h2>Sign in to accept</h2>
          <p>Accept with the account of {invitation.email}. You come back here after signing in.</p>
          <p className="actions">
            <Link href={withNext("/sign-in", here)} state={{ email: invitation.email }} className="button button-primary">
              Sign in as {invitation.email}
            </Link>
          </p>
          <p>
            No account yet?{" "}
            <Link href={withNext("/sign-up", here)} state={{ email: invitation.email }}>
              Create one with {invitation.email}
            </Link>
            . After you confirm the address, you come back to this invitation.
          </p>
        </>
      ) : isFor(session.me.email) ? (
        <>
          <p>You are signed in as {session.me.email}: accepting adds the role to your account right away.</p>
          <AcceptStep token={token ?? ""} onAccepted={onAccepted} />
        </>
      ) : (
        <>
          <Notice tone="info" title={`You are signed in as ${session.me.email ?? session.me.name}.`}>
            <p>This invitation is for {invitation.email}. Sign out, then sign in or create an account with that address to accept it.</p>
          </Notice>
          <p className="actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                sendJson("POST", "/api/auth/signout").then(signedOut, signedOut);
              }}
            >
              Sign out
            </button>
          </p>
        </>
      )}
    </div>
  );
}
