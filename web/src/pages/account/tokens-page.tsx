import { useState } from "react";
import type { ApiToken, ApiTokenListResponse, CreatedTokenResponse, CreateTokenBody } from "../../../../src/schemas/account.ts";
import { type ApiError, asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { Chip } from "../../components/chip.tsx";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { type Choice, ChoiceField, TextField } from "../../forms/field.tsx";
import { FormError } from "../../forms/form-error.tsx";
import { useForm } from "../../forms/use-form.ts";
import { RequireSignIn } from "../../session/require-sign-in.tsx";
import { relativeTo } from "../../time/durations.ts";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { AccountTabs } from "./account-tabs.tsx";
import { TokenSecret } from "./token-secret.tsx";

const FIELDS = ["name", "scope"] as const;

const SCOPES: readonly Choice<"read" | "write">[] = [
  { value: "read", label: "Read", hint: "Reads everything you can see, and cannot change anything." },
  { value: "write", label: "Read and write", hint: "Also makes changes as you, such as editing your profile or inviting people." },
];

function when(iso: string): string {
  return formatDateTime(new Date(iso), viewerTimeZone());
}

/** The form that creates a token: a name to recognise it by, and what it may do. */
function CreateTokenForm({ onCreated }: { onCreated(token: CreatedTokenResponse): void }) {
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"read" | "write">("read");
  const create = async () => {
    const created = await sendJson<CreatedTokenResponse>("POST", "/api/me/tokens", { name, scope } satisfies CreateTokenBody);
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
      <ChoiceField name="scope" legend="What it may do" choices={SCOPES} value={scope} onChange={setScope} error={form.errors.fields.scope} />
      <div>
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? "Creating…" : "Create token"}
        </button>
      </div>
    </form>
  );
}

/** A token's revoke button, which asks once more before it acts. */
function RevokeCell({ token, onRevoked }: { token: ApiToken; onRevoked(): void }) {
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
  if (token.revokedAt) return null;
  return confirming ? (
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
  );
}

/** The token table's columns; the newest first unless the URL sorts by another. */
function tokenColumns(onRevoked: () => void): Column<ApiToken>[] {
  return [
    { key: "name", header: "Name", rowHeader: true, cell: (token) => token.name, compare: (a, b) => a.name.localeCompare(b.name) },
    { key: "token", header: "Token", cell: (token) => <code>{token.prefix}…</code> },
    { key: "scope", header: "May", cell: (token) => (token.scope === "write" ? "Read and write" : "Read"), compare: (a, b) => a.scope.localeCompare(b.scope) },
    { key: "created", header: "Created", cell: (token) => when(token.createdAt), compare: (a, b) => a.createdAt.localeCompare(b.createdAt) },
    {
      key: "used",
      header: "Last used",
      cell: (token) => (token.lastUsedAt ? relativeTo(new Date(token.lastUsedAt), new Date()) : "Never"),
      compare: (a, b) => (a.lastUsedAt ?? "").localeCompare(b.lastUsedAt ?? ""),
    },
    {
      key: "state",
      header: "State",
      cell: (token) => (token.revokedAt ? <Chip tone="closed">Revoked {when(token.revokedAt)}</Chip> : <Chip tone="open">Active</Chip>),
    },
    { key: "action", header: "Action", headerHidden: true, className: "cell-action", cell: (token) => <RevokeCell token={token} onRevoked={onRevoked} /> },
  ];
}

/** `/account/tokens`: personal API tokens: list, create (the secret shown once), revoke. */
export function TokensPage() {
  useDocumentTitle("API tokens");
  return <RequireSignIn title="API tokens">{() => <Tokens />}</RequireSignIn>;
}

function Tokens() {
  const tokens = useApi<ApiTokenListResponse>("/api/me/tokens");
  const [created, setCreated] = useState<CreatedTokenResponse | null>(null);
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
        {tokens.data ? (
          <DataTable
            caption="Your API tokens"
            columns={tokenColumns(tokens.reload)}
            rows={tokens.data.items}
            rowKey={(token) => token.id}
            empty={<p>No tokens yet. Create one above for a script or a tool.</p>}
          />
        ) : null}
      </section>
    </div>
  );
}
