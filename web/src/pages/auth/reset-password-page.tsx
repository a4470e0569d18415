import { useState } from "react";
import { Link } from "wouter";
import type { PasswordResetConfirmBody, PasswordResetRequestBody } from "../../../../src/schemas/account.ts";
import { asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { useSendsEmail } from "../../api/use-sends-email.ts";
import { NoEmailNotice } from "../../components/no-email-notice.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { EmailField, PasswordField } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { useForm } from "../../forms/use-form.ts";
import { dropFragment, emailFromHistory, useFragmentToken } from "../../session/fragment-token.ts";
import { useSession } from "../../session/session.tsx";

const REQUEST_FIELDS = ["email"] as const;
const CONFIRM_FIELDS = ["password"] as const;

/**
 * Step one: ask for a link by email. The answer is the same whether or not the address has an
 * account. A server without SMTP says that its operator has the link instead of an email.
 */
function RequestLink() {
  useDocumentTitle("Reset your password");
  const sendsEmail = useSendsEmail();
  const [email, setEmail] = useState(emailFromHistory);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [again, setAgain] = useState<string | null>(null);
  const request = async () => {
    await sendJson("POST", "/api/auth/password-reset", { email } satisfies PasswordResetRequestBody);
    setSentTo(email.trim());
  };
  const form = useForm(REQUEST_FIELDS, request, {
    formId: "reset-request",
    required: () => ({ email: !email.trim() && "Enter the email address of your account." }),
  });

  const linkRules = "The link works for one hour, once. Your current password keeps working until you choose a new one.";
  if (sentTo && sendsEmail === false) {
    return (
      <div className="page auth-page">
        <h1>Ask for your link</h1>
        <NoEmailNotice title={`No email was sent to ${sentTo}.`} link={`the link to choose a new password, if ${sentTo} has a Cohort account`}>
          <p>{linkRules}</p>
        </NoEmailNotice>
        <p className="actions">
          <button type="button" className="link-button" onClick={() => setSentTo(null)}>
            Use another address
          </button>
        </p>
      </div>
    );
  }

  if (sentTo) {
    const sendAnother = () => {
      setAgain("Sending…");
      sendJson("POST", "/api/auth/password-reset", { email: sentTo } satisfies PasswordResetRequestBody).then(
        () => setAgain(`Sent again to ${sentTo}. Only the newest link works.`),
        (error: unknown) => setAgain(asApiError(error).message),
      );
    };
    return (
      <div className="page auth-page">
        <h1>Check your email</h1>
        <Notice title={`If ${sentTo} has a Cohort account, we sent it a link to choose a new password.`}>
          <p>{linkRules}</p>
        </Notice>
        <h2>Nothing arrived?</h2>
        <p>It can take a few minutes. Check your spam folder, or send another link.</p>
        <p className="actions">
          <button type="button" className="button" onClick={sendAnother}>
            Send another link
          </button>
          <button type="button" className="link-button" onClick={() => setSentTo(null)}>
            Use another address
          </button>
        </p>
        <p role="status" className="small">
          {again}
        </p>
      </div>
    );
  }

  return (
    <div className="page auth-page">
      <h1>Reset your password</h1>
      <p className="lead">
        {sendsEmail === false
          ? "Enter the email address of your account. This server sends no email yet: its operator gives you the link to choose a new password."
          : "Enter the email address of your account, and we will send you a link to choose a new password."}
      </p>
      <FormError id="reset-request" error={form.errors.form} />
      <form className="stack" noValidate onSubmit={form.onSubmit}>
        <EmailField name="email" label="Email" value={email} onChange={(event) => setEmail(event.target.value)} error={form.errors.fields.email} />
        <button type="submit" className="button button-primary button-block" disabled={form.busy}>
          {form.busy ? "Sending…" : sendsEmail === false ? "Ask for a link" : "Email me a link"}
        </button>
      </form>
      <ul className="auth-links">
        <li>
          Remembered it? <Link href="/sign-in">Sign in</Link>
        </li>
      </ul>
    </div>
  );
}

/** Step two, from the emailed link: choose the new password. Every session ends with it. */
function ChooseNewPassword({ token, onAskAgain }: { token: string; onAskAgain(): void }) {
  useDocumentTitle("Choose a new password");
  const { signedOut } = useSession();
  const [password, setPassword] = useState("");
  const [done, setDone] = useState(false);
  const confirm = async () => {
    await sendJson("POST", "/api/auth/password-reset/confirm", { token, password } satisfies PasswordResetConfirmBody);
    dropFragment();
    signedOut();
    setDone(true);
  };
  const form = useForm(CONFIRM_FIELDS, confirm, {
    formId: "reset-confirm",
    required: () => ({ password: !password && "Choose a password of at least 10 characters." }),
  });

  if (done) {
    return (
      <div className="page auth-page">
        <h1>Your password is changed</h1>
        <Notice title="Sign in with your new password.">
          <p>For your safety, every browser and device that was signed in to your account is now signed out, and your API tokens are revoked.</p>
        </Notice>
        <p>
          <Link href="/sign-in" className="button button-primary button-block">
            Sign in
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page auth-page">
      <h1>Choose a new password</h1>
      <p className="lead">
        Once it is saved, every browser signed in to your account is signed out, your API tokens are revoked, and you sign in with the new password.
      </p>
      <FormError id="reset-confirm" error={form.errors.form}>
        <p>
          <button type="button" className="link-button" onClick={onAskAgain}>
            Ask for a new link
          </button>
        </p>
      </FormError>
      <form className="stack" noValidate onSubmit={form.onSubmit}>
        <PasswordField
          name="password"
          label="New password"
          hint="At least 10 characters. A few unrelated words work well."
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.errors.fields.password}
        />
        <button type="submit" className="button button-primary button-block" disabled={form.busy}>
          {form.busy ? "Saving…" : "Save the new password"}
        </button>
      </form>
    </div>
  );
}

/** `/reset-password`: a request form without a token, the new-password form with `#token` from the email. */
export function ResetPasswordPage() {
  const [token, setToken] = useFragmentToken();
  const askAgain = () => {
    dropFragment();
    setToken(null);
  };
  return token ? <ChooseNewPassword key={token} token={token} onAskAgain={askAgain} /> : <RequestLink />;
}
