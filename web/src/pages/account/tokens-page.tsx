import { useState } from "react";
import type { z } from "zod";
import type { ApiTokenSchema, CreatedTokenResponse } from "../../../../src/schemas/account.ts";
import { type ApiError, asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { Chip } from "../../components/chip.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { TextField } from "../../forms/field.tsx";
import { FormError } from "../../forms/form-error.tsx";
import { useForm } from "../../forms/use-form.ts";
import { RequireSignIn } from "../../session/require-sign-in.tsx";
import { relativeTo } from "../../time/durations.ts";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { AccountTabs } from "./account-tabs.tsx";
import { TokenSecret } from "./token-secret.tsx";

type ApiToken = z.infer<typeof ApiTokenSchema>;
type CreatedToken = z.infer<typeof CreatedTokenResponse>;

const FIELDS = ["name", "scope"] as const;

function when(iso: string): string {
  return formatDateTime(new Date(iso), viewerTimeZone());
}

/** The form that creates a token: a name to recognise it by, and what it may do. */
function CreateTokenForm({ onCreated }: { onCreated(token: CreatedToken): void }) {
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"read" | "write">("read");
  const create = async () => {
    const created = await sendJson<CreatedToken>("POST", "/api/me/tokens", { name, scope });
    setName("");
    onCreated(created);
  };
  const form = useForm(FIELDS, create, { formId: "create-token", required: () => ({ name: !name.trim() && "Give the token a name you will recognise." }) });
  return (
    <form className="stack" noValidate onSubmit={form.onSubmit} aria-labelledby="create-token-heading">
      <FormError id="create-token" error={form.errors.form} />
      <TextField
        name="name"
        label="Name"
        hint="Where you will use it, such as “laptop script” or “CI”."
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={form.errors.fields.name}
      />
      <fieldset className="field choice-group" aria-describedby={form.errors.fields.scope ? "scope-error" : undefined}>
        <legend>What it may do</legend>
        <div className="choice">
          <div className="check-row">
            <input
              type="radio"
              id="scope-read"
              name="scope"
              value="read"
              checked={scope === "read"}
              onChange={() => setScope("read")}
              aria-describedby="scope-read-hint"
            />
            <label htmlFor="scope-read">Read</label>
          </div>
          <p className="choice-hint" id="scope-read-hint">
            Reads everything you can see, and cannot change anything.
          </p>
        </div>
        <div className="choice">
          <div className="check-row">
            <input
              type="radio"
              id="scope-write"
              name="scope"
              value="write"
              checked={scope === "write"}
              onChange={() => setScope("write")}
              aria-describedby="scope-write-hint"
            />
            <label htmlFor="scope-write">Read and write</label>
          </div>
          <p className="choice-hint" id="scope-write-hint">
            Also makes changes as you, such as applying or inviting people.
          </p>
        </div>
        {form.errors.fields.scope ? (
          <p className="field-error" id="scope-error">
            {form.errors.fields.scope}
          </p>
        ) : null}
      </fieldset>
      <div>
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? "Creating…" : "Create token"}
        </button>
      </div>
    </form>
  );
}

/** One token's row, with a revoke button that asks once more before it acts. */
function TokenRow({ token, onRevoked }: { token: ApiToken; onRevoked(): void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const revoke = () => {
    setBusy(true);
    sendJson("DELETE", `/api/me/tokens/${token.id}`).then(onRevoked, (caught: unknown) => {
      setBusy(false);
      setError(asApiError(caught));
    });
  };
  return (
    <tr>
      <th scope="row" data-label="Name">
        {token.name}
      </th>
      <td data-label="Token">
        <code>{token.prefix}…</code>
      </td>
      <td data-label="May">{token.scope === "write" ? "Read and write" : "Read"}</td>
      <td data-label="Created">{when(token.createdAt)}</td>
      <td data-label="Last used">{token.lastUsedAt ? relativeTo(new Date(token.lastUsedAt), new Date()) : "Never"}</td>
      <td data-label="State">{token.revokedAt ? <Chip tone="closed">Revoked {when(token.revokedAt)}</Chip> : <Chip tone="open">Active</Chip>}</td>
      <td data-label="Action" className="cell-action">
        {token.revokedAt ? null : confirming ? (
          <div className="confirm">
            <p className="small">Scripts and tools using it stop working at once.</p>
            <div className="actions">
              <button type="button" className="button button-danger" onClick={revoke} disabled={busy}>
                {busy ? "Revoking…" : "Revoke now"}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </div>
            {error ? <p className="field-error">{error.message}</p> : null}
          </div>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Revoke<span className="visually-hidden"> {token.name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

/** `/account/tokens`: personal API tokens: list, create (the secret shown once), revoke. */
export function TokensPage() {
  useDocumentTitle("API tokens");
  return <RequireSignIn title="API tokens">{() => <Tokens />}</RequireSignIn>;
}

function Tokens() {
  const tokens = useApi<{ items: ApiToken[] }>("/api/me/tokens");
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const items = tokens.data?.items ?? [];
  return (
    <div className="page narrow tokens-page">
      <h1>API tokens</h1>
      <p className="lead">Tokens let scripts and tools use the Cohort API as you. Only you see them.</p>
      <AccountTabs />
      <section aria-labelledby="create-token-heading">
        <h2 id="create-token-heading">Create a token</h2>
        {created ? (
          <TokenSecret name={created.name} secret={created.token} onDone={() => setCreated(null)} />
        ) : (
          <CreateTokenForm
            onCreated={(token) => {
              setCreated(token);
              tokens.reload();
            }}
          />
        )}
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your tokens</h2>
        {tokens.error ? <ErrorPanel error={tokens.error} onRetry={tokens.reload} /> : null}
        {tokens.status === "loading" && !tokens.data ? <Loading what="your tokens" /> : null}
        {tokens.data && items.length === 0 ? <p>No tokens yet.</p> : null}
        {items.length > 0 ? (
          <table className="data-table">
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">May</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((token) => (
                <TokenRow key={token.id} token={token} onRevoked={tokens.reload} />
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
