import { useEffect, useState } from "react";
import { Link } from "wouter";
import type { TokenBody } from "../../../../src/schemas/account.ts";
import { type ApiError, asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { Loading } from "../../components/load-states.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { ResendConfirmation } from "../../forms/resend-confirmation.tsx";
import { dropFragment, useFragmentToken } from "../../session/fragment-token.ts";
import { rememberedReturn } from "../../session/return-path.ts";
import { type Me, useSession } from "../../session/session.tsx";

/** Tokens already sent, so a second run of the effect (React's strict mode) does not spend the single-use token twice. */
const pending = new Map<string, Promise<unknown>>();

type Step = { state: "no-token" } | { state: "checking" } | { state: "done"; me: Me | null } | { state: "failed"; error: ApiError };

/**
 * The page of the confirmation link: reads `#token`, sends it to POST /api/auth/verify, and
 * lands signed in, with the next step: back to the invitation that started it, or the profile.
 */
export function VerifyEmailPage() {
  useDocumentTitle("Confirm your email");
  const [token] = useFragmentToken();
  return <Verify key={token ?? ""} token={token} />;
}

function Verify({ token }: { token: string | null }) {
  const { refresh } = useSession();
  const [step, setStep] = useState<Step>(token ? { state: "checking" } : { state: "no-token" });

  useEffect(() => {
    if (!token) return;
    let current = pending.get(token);
    if (!current) {
      current = sendJson("POST", "/api/auth/verify", { token } satisfies TokenBody);
      pending.set(token, current);
    }
    let cancelled = false;
    current.then(
      async () => {
        dropFragment();
        const me = await refresh();
        if (!cancelled) setStep({ state: "done", me });
      },
      (error: unknown) => {
        if (!cancelled) setStep({ state: "failed", error: asApiError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token, refresh]);

  if (step.state === "checking") {
    return (
      <div className="page auth-page">
        <h1>Confirming your email address</h1>
        <Loading what="your confirmation" />
      </div>
    );
  }
  if (step.state === "no-token") {
    return (
      <div className="page auth-page">
        <h1>Confirm your email address</h1>
        <p>This page opens from the confirmation link you were given when you created your account, and the link seems to be incomplete.</p>
        <p>Open the link again, or copy its whole address into the address bar.</p>
        <p className="actions">
          <Link href="/sign-up" className="button">
            Create an account
          </Link>
          <Link href="/sign-in" className="button">
            Sign in
          </Link>
        </p>
      </div>
    );
  }
  if (step.state === "failed") {
    return (
      <div className="page auth-page">
        <h1>Confirm your email address</h1>
        <FormError id="verify" error={step.error}>
          <p>If your address is not confirmed yet, ask for a new link; it works for 24 hours.</p>
        </FormError>
        <ResendConfirmation />
        <p className="actions">
          <Link href="/sign-in" className="button button-primary">
            Sign in
          </Link>
          <Link href="/sign-up" className="button">
            Create an account
          </Link>
        </p>
      </div>
    );
  }
  const next = rememberedReturn();
  return (
    <div className="page auth-page">
      <h1>Your email address is confirmed</h1>
      <Notice title={step.me ? `You are signed in as ${step.me.name}.` : "You are signed in."}>
        <p>{next?.startsWith("/invitations") ? "Your invitation is waiting: continue to accept it." : "Next, tell mentors a little about yourself."}</p>
      </Notice>
      <p className="actions">
        {next ? (
          <Link href={next} className="button button-primary">
            {next.startsWith("/invitations") ? "Continue to your invitation" : "Continue where you were"}
          </Link>
        ) : null}
        <Link href="/account" className={next ? "button" : "button button-primary"}>
          Complete your profile
        </Link>
        <Link href="/" className="button">
          Browse programs
        </Link>
      </p>
    </div>
  );
}
