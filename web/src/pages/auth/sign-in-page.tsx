import { useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import type { SignInBody } from "../../../../src/schemas/account.ts";
import type { OidcConfigResponse } from "../../../../src/schemas/oidc.ts";
import type { ApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { EmailField, PasswordField } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { ResendConfirmation } from "../../forms/resend-confirmation.tsx";
import { useForm } from "../../forms/use-form.ts";
import { emailFromHistory } from "../../session/fragment-token.ts";
import { nextFromLocation, rememberReturn, withNext } from "../../session/return-path.ts";
import { useSession } from "../../session/session.tsx";

/** What GET /api/auth/oidc/config answers: whether the provider's button shows, and its label. */

const FIELDS = ["email", "password"] as const;

/** Why a sign-in with the provider came back to this page, in words (the codes of `?error=`). */
export function oidcErrorText(code: string, provider: string): string {
  switch (code) {
    case "invalid_state":
      return `This sign-in with ${provider} was not started in this browser, or was finished already. Start again with the button below.`;
    case "expired":
      return `The sign-in with ${provider} took more than ten minutes and has expired. Start again with the button below.`;
    case "email_unverified":
      return `${provider} has no confirmed email address for you, so Cohort cannot tell which account is yours. Confirm your address there, or sign in with your email and password.`;
    case "already_linked":
      return `The Cohort account with this email address is linked to another account at ${provider}. Sign in with that one, or with your email and password.`;
    case "denied":
      return `You cancelled the sign-in at ${provider}, so you are not signed in. Try again, or sign in with your email and password.`;
    case "provider_error":
      return `${provider} did not complete the sign-in. Try again in a moment, or sign in with your email and password.`;
    case "not_configured":
      return "Signing in with an external account is not set up on this server. Sign in with your email and password.";
    default:
      return "Signing in did not work. Try again, or sign in with your email and password.";
  }
}

/**
 * Sign in: the external provider's button first when the server has one, then email and
 * password. A wrong password is shown beside the password field; `?next=` (with its fragment)
 * says where to go afterwards, `?error=` why a sign-in with the provider came back here.
 */
export function SignInPage() {
  useDocumentTitle("Sign in");
  const search = useSearch();
  const [, navigate] = useLocation();
  const { session, refresh, announce } = useSession();
  const next = nextFromLocation(search, window.location.hash);
  const providerError = new URLSearchParams(search).get("error");
  const oidc = useApi<OidcConfigResponse>("/api/auth/oidc/config");
  const [email, setEmail] = useState(emailFromHistory);
  const [password, setPassword] = useState("");
  const provider = oidc.data?.enabled ? (oidc.data.name ?? "your organization's account") : null;

  const form = useForm(
    FIELDS,
    async () => {
      await sendJson("POST", "/api/auth/signin", { email, password } satisfies SignInBody);
      const me = await refresh();
      const target = next ?? "/";
      if (me) announce(`You are signed in as ${me.name}.`, target.split("#")[0] ?? "/");
      navigate(target);
    },
    {
      fieldOf: (error: ApiError) => (error.status === 401 ? "password" : undefined),
      formId: "sign-in",
      required: () => ({ email: !email.trim() && "Enter the email address of your account.", password: !password && "Enter your password." }),
    },
  );

  if (session.status === "signed-in") {
    return (
      <div className="page auth-page">
        <h1>Sign in</h1>
        <Notice tone="info" title={`You are signed in as ${session.me.name}.`}>
          <p className="actions">
            <Link href={next?.split("#")[0] === "/invitations" ? next : "/account"} className="button button-primary">
              {next?.startsWith("/invitations") ? "Continue to the invitation" : "Go to your account"}
            </Link>
          </p>
        </Notice>
      </div>
    );
  }

  const returnTo = next ? (next.split("#")[0] ?? "/") : "/";
  return (
    <div className="page auth-page">
      <h1>Sign in</h1>
      <p className="lead">Sign in to mentor or run a program.</p>
      {/* Shown once the provider's name is known (or cannot be), so its words never change under the reader. */}
      {providerError && oidc.status !== "loading" ? (
        <div className="error-panel" role="alert">
          <p>
            <strong className="error-label">Not signed in:</strong> {oidcErrorText(providerError, provider ?? "the provider")}
          </p>
        </div>
      ) : null}
      {provider ? (
        <>
          <a
            className="button button-block button-provider"
            href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`}
            onClick={() => {
              // The provider returns to the path only; the fragment (an invitation's token) waits here.
              if (next?.includes("#")) rememberReturn(next);
            }}
          >
            Sign in with {provider}
          </a>
          <p className="divider">
            <span>or with your email and password</span>
          </p>
        </>
      ) : null}
      <FormError id="sign-in" error={form.errors.form}>
        {/* The refusal of an address not confirmed yet: the link may be lost, or this hour's already spent. */}
        {form.errors.form?.code === "FORBIDDEN" ? <ResendConfirmation email={email} /> : null}
      </FormError>
      <form className="stack" noValidate onSubmit={form.onSubmit}>
        <EmailField name="email" label="Email" value={email} onChange={(event) => setEmail(event.target.value)} error={form.errors.fields.email} />
        <PasswordField
          name="password"
          label="Password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.errors.fields.password}
        />
        <button type="submit" className="button button-primary button-block" disabled={form.busy}>
          {form.busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <ul className="auth-links">
        <li>
          <Link href="/reset-password" state={{ email }}>
            Forgot your password?
          </Link>
        </li>
        <li>
          New to Cohort? <Link href={withNext("/sign-up", next)}>Create an account</Link>
        </li>
      </ul>
    </div>
  );
}
