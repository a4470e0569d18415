import { useState } from "react";
import { Link, useSearch } from "wouter";
import type { SignUpBody } from "../../../../src/schemas/account.ts";
import { sendJson } from "../../api/send-json.ts";
import { useSendsEmail } from "../../api/use-sends-email.ts";
import { NoEmailNotice } from "../../components/no-email-notice.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { EmailField, PasswordField, TextField } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { ResendConfirmation } from "../../forms/resend-confirmation.tsx";
import { useForm } from "../../forms/use-form.ts";
import { emailFromHistory } from "../../session/fragment-token.ts";
import { nextFromLocation, rememberReturn, withNext } from "../../session/return-path.ts";
import { useSession } from "../../session/session.tsx";

const FIELDS = ["name", "email", "password"] as const;

/**
 * Create an account: name, email and a new password. The server answers the same whether the
 * address is new or not, so the page says what happens next without claiming which: a link
 * is on its way, for 24 hours; nothing arrived, send another. A server without SMTP says that
 * no email went out and that its operator has the link.
 */
export function SignUpPage() {
  useDocumentTitle("Create an account");
  const search = useSearch();
  const { session } = useSession();
  const next = nextFromLocation(search, window.location.hash);
  const [name, setName] = useState("");
  const [email, setEmail] = useState(emailFromHistory);
  const [password, setPassword] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sendsEmail = useSendsEmail();

  const submit = async () => {
    await sendJson("POST", "/api/auth/signup", { name, email, password } satisfies SignUpBody);
    // The confirmation link opens in a new tab: remember where this person was going.
    if (next) rememberReturn(next);
    setSentTo(email.trim());
  };
  const form = useForm(FIELDS, submit, {
    formId: "sign-up",
    required: () => ({
      name: !name.trim() && "Enter your name.",
      email: !email.trim() && "Enter your email address.",
      password: !password && "Choose a password of at least 10 characters.",
    }),
  });

  const signedInAfter = `You will be signed in right away${next?.startsWith("/invitations") ? " and can accept your invitation" : ""}.`;
  const useAnother = (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        setSentTo(null);
        form.reset();
      }}
    >
      Use another address
    </button>
  );

  if (sentTo && sendsEmail === false) {
    return (
      <div className="page auth-page">
        <h1>Ask for your confirmation link</h1>
        <NoEmailNotice title={`No email was sent to ${sentTo}.`} link="your confirmation link">
          <p>The link works for 24 hours. Open it to confirm your address. {signedInAfter}</p>
        </NoEmailNotice>
        <p className="actions">{useAnother}</p>
      </div>
    );
  }

  if (sentTo) {
    return (
      <div className="page auth-page">
        <h1>Check your email</h1>
        <Notice title={`We sent a link to ${sentTo}; it works for 24 hours.`}>
          <p>Open it to confirm your address. {signedInAfter}</p>
        </Notice>
        <h2>Nothing arrived?</h2>
        <p>It can take a few minutes. Check your spam folder, or ask for the link again: any of the links works until one is used.</p>
        <ResendConfirmation email={sentTo} />
        <p className="actions">{useAnother}</p>
      </div>
    );
  }

  return (
    <div className="page auth-page">
      <h1>Create an account</h1>
      <p className="lead">One account to mentor or run a program. Applicants apply on each program's own site for now: a project's page says where.</p>
      {session.status === "signed-in" ? (
        <Notice tone="info" title={`You are signed in as ${session.me.name}.`}>
          <p>
            To create another account, sign out first from the menu at the top. <Link href="/account">Go to your account</Link>
          </p>
        </Notice>
      ) : null}
      <FormError id="sign-up" error={form.errors.form} />
      <form className="stack" noValidate onSubmit={form.onSubmit}>
        <TextField
          name="name"
          label="Your name"
          hint="As mentors and admins will see it."
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.errors.fields.name}
        />
        <EmailField
          name="email"
          label="Email"
          hint={
            sendsEmail === false ? "You confirm it with a link from the server's operator: this server sends no email yet." : "We send a link to confirm it."
          }
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.errors.fields.email}
        />
        <PasswordField
          name="password"
          label="Password"
          hint="At least 10 characters. A few unrelated words work well."
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.errors.fields.password}
        />
        <button type="submit" className="button button-primary button-block" disabled={form.busy}>
          {form.busy ? "Creating your account…" : "Create account"}
        </button>
      </form>
      <ul className="auth-links">
        <li>
          Already have an account? <Link href={withNext("/sign-in", next)}>Sign in</Link>
        </li>
      </ul>
    </div>
  );
}
