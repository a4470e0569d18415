import { useRef, useState } from "react";

/** A new token's secret, shown once, with a copy button and a plain warning that it will not be shown again. */
export function TokenSecret({ name, secret, onDone }: { name: string; secret: string; onDone(): void }) {
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  const field = useRef<HTMLInputElement>(null);
  const copy = () => {
    const fallback = () => {
      // Without clipboard access, select the text so Ctrl+C (or a long press) copies it.
      field.current?.select();
      setCopied("failed");
    };
    if (!navigator.clipboard) return fallback();
    navigator.clipboard.writeText(secret).then(() => setCopied("yes"), fallback);
  };
  return (
    <section className="secret-panel" aria-labelledby="secret-heading">
      <h3 id="secret-heading">Copy your new token “{name}” now</h3>
      <p>
        <strong>You will not see it again.</strong> Cohort keeps only a fingerprint of it. Store it in your password manager or your tool's secret store; if you
        lose it, revoke it and create another.
      </p>
      <label htmlFor="new-token-secret">Token</label>
      <div className="secret-row">
        <input
          id="new-token-secret"
          ref={field}
          className="input secret"
          readOnly
          value={secret}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button-primary" onClick={copy}>
          Copy
        </button>
      </div>
      <p role="status" className="small">
        {copied === "yes"
          ? "Copied to the clipboard."
          : copied === "failed"
            ? "Copying is blocked here: the token is selected, press Ctrl+C (⌘C) to copy it."
            : ""}
      </p>
      <p className="small muted">
        Send it as <code>Authorization: Bearer …</code> with each request to the API.
      </p>
      <button type="button" className="button" onClick={onDone}>
        I have stored it
      </button>
    </section>
  );
}
