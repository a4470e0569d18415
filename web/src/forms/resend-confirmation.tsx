import { useState } from "react";
import type { AcceptedResponse, ResendConfirmationBody } from "../../../src/schemas/account.ts";
import { asApiError } from "../api/api-error.ts";
import { sendJson } from "../api/send-json.ts";
import { EmailField } from "./field.tsx";

/** Where asking for another link stands; the server's words once it answered. */
type Resend = { state: "idle" | "sending" } | { state: "sent"; message: string } | { state: "failed"; message: string };

/**
 * "Send the confirmation link again" for an address that is not confirmed yet: a button for a
 * known address, or an email field and the button. The server answers the same for every
 * address, so the page repeats its words and claims nothing about the account.
 */
export function ResendConfirmation({ email: knownEmail }: { email?: string }) {
  const [typed, setTyped] = useState("");
  const [resend, setResend] = useState<Resend>({ state: "idle" });
  const email = knownEmail ?? typed;
  const send = () => {
    if (!email.trim()) {
      setResend({ state: "failed", message: "Enter the email address you signed up with." });
      return;
    }
    setResend({ state: "sending" });
    sendJson<AcceptedResponse>("POST", "/api/auth/verify/resend", { email } satisfies ResendConfirmationBody).then(
      (answer) => setResend({ state: "sent", message: answer.message }),
      (error: unknown) => setResend({ state: "failed", message: asApiError(error).message }),
    );
  };
  return (
    <div className="stack resend-confirmation">
      {knownEmail === undefined ? (
        <EmailField name="resend-email" label="Email you signed up with" value={typed} onChange={(event) => setTyped(event.target.value)} />
      ) : null}
      <p className="actions">
        <button type="button" className="button" onClick={send} disabled={resend.state === "sending"}>
          {resend.state === "sending" ? "Sending…" : "Send the confirmation link again"}
        </button>
      </p>
      <p role="status" className="small">
        {resend.state === "sent" ? resend.message : null}
      </p>
      {resend.state === "failed" ? (
        <p className="field-error" role="alert">
          {resend.message}
        </p>
      ) : null}
    </div>
  );
}
