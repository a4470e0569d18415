import { useState } from "react";
import { Link } from "wouter";
import { isCurrencyCode, minorUnitDigits } from "../../../../src/domain/money.ts";
import type { StipendPolicyBody, StipendPolicyView } from "../../../../src/schemas/stipends.ts";
import { asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { FieldErrorText, TextField } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { useForm } from "../../forms/use-form.ts";
import { AdminFrame, adminPaths } from "./admin-frame.tsx";

const FIELDS = ["currency", "baseAmount", "installments", "installments.0.percent", "installments.1.percent"] as const;

type Policy = NonNullable<StipendPolicyView["policy"]>;

/** The policy as the form holds it: the base in major units ("3000.00"), the two installments' percentages. */
interface Draft {
  currency: string;
  base: string;
  midterm: string;
  final: string;
}

function draftOf(policy: Policy | null): Draft {
  if (!policy) return { currency: "USD", base: "", midterm: "50", final: "50" };
  const percentOf = (kind: "midterm" | "final") => String(policy.installments.find((item) => item.releasedBy === kind)?.percent ?? "");
  return {
    currency: policy.currency,
    base: (policy.baseAmount / 10 ** policy.minorUnitDigits).toFixed(policy.minorUnitDigits),
    midterm: percentOf("midterm"),
    final: percentOf("final"),
  };
}

/** A typed amount in the currency's minor unit, or why it is not one. */
function minorUnitsOf(typed: string, currency: string): number | string {
  // An unknown currency is the server's to name; its amount is read with cents meanwhile.
  const digits = isCurrencyCode(currency) ? minorUnitDigits(currency) : 2;
  const match = /^\s*(\d{1,12})(?:[.,](\d+))?\s*$/.exec(typed.replaceAll(/[\s_']/g, "").replace(/,(?=\d{3}\b)/g, ""));
  if (!match) return `Write the base as a number, such as ${digits === 0 ? "150000" : "3000.00"}.`;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return digits === 0 ? `${currency} has no minor unit: write a whole amount.` : `${currency} has ${digits} decimals at most.`;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

function PolicyForm({ program, policy, onSaved }: { program: string; policy: Policy | null; onSaved(view: StipendPolicyView): void }) {
  const [draft, setDraft] = useState(() => draftOf(policy));
  const [saved, setSaved] = useState(false);
  const set = (key: keyof Draft, value: string) => {
    setSaved(false);
    setDraft((previous) => ({ ...previous, [key]: value }));
  };
  const base = minorUnitsOf(draft.base, draft.currency.trim().toUpperCase());
  const save = async () => {
    const installments: StipendPolicyBody["installments"] = [];
    if (draft.midterm.trim()) installments.push({ percent: Number(draft.midterm), releasedBy: "midterm" });
    if (draft.final.trim()) installments.push({ percent: Number(draft.final), releasedBy: "final" });
    const body = { currency: draft.currency, baseAmount: typeof base === "number" ? base : Number.NaN, installments };
    const view = await sendJson<StipendPolicyView>("PUT", `/api/programs/${encodeURIComponent(program)}/stipend-policy`, body);
    onSaved(view);
    setDraft(draftOf(view.policy));
    setSaved(true);
  };
  const form = useForm(FIELDS, save, {
    formId: "stipend-policy",
    required: () => ({
      currency: !draft.currency.trim() && "Enter the currency, such as USD.",
      baseAmount: (!draft.base.trim() && "Enter the base amount, such as 3000.00.") || (typeof base === "string" && base),
      installments: !draft.midterm.trim() && !draft.final.trim() && "Give at least one installment its percentage.",
    }),
  });

  return (
    <form className="stack settings-form" noValidate onSubmit={form.onSubmit} aria-labelledby="policy-heading">
      <FormError id="stipend-policy" error={form.errors.form} />
      <TextField
        name="currency"
        label="Currency"
        hint="Its ISO 4217 code, such as USD or EUR. Every amount is kept in its minor unit (cents), never as a fraction."
        autoComplete="off"
        className="input-short"
        value={draft.currency}
        onChange={(event) => set("currency", event.target.value)}
        error={form.errors.fields.currency}
      />
      <TextField
        name="baseAmount"
        label="Base amount"
        hint="A mentee's stipend before their country's percentage, such as 3000.00."
        inputMode="decimal"
        autoComplete="off"
        className="input-number"
        value={draft.base}
        onChange={(event) => set("base", event.target.value)}
        error={form.errors.fields.baseAmount}
      />
      <fieldset className="field" aria-describedby="installments-hint">
        <legend>Installments, as percentages of the total</legend>
        <p id="installments-hint" className="field-hint">
          Each is released when its evaluation passes; together they make 100%. Leave one empty for a single installment.
        </p>
        {(["midterm", "final"] as const).map((kind, index) => (
          <TextField
            key={kind}
            name={`installments.${index}.percent`}
            label={`Released by the ${kind} evaluation (%)`}
            inputMode="decimal"
            className="input-number"
            value={draft[kind]}
            onChange={(event) => set(kind, event.target.value)}
            error={form.errors.fields[index === 0 ? "installments.0.percent" : "installments.1.percent"]}
          />
        ))}
        <FieldErrorText id="installments" error={form.errors.fields.installments} />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? "Saving…" : "Save the policy"}
        </button>
        <div className="form-status">
          {saved ? (
            <Notice title="The stipend policy is saved.">
              <p>
                The change is in <Link href={adminPaths.audit(program, "action=stipend.policy_updated")}>the audit log</Link>.
              </p>
            </Notice>
          ) : null}
        </div>
      </div>
    </form>
  );
}

/** The country table: upload or paste a CSV; a file with errors is refused whole, each error shown with its line. */
function CountryTable({ program, policy, onSaved }: { program: string; policy: Policy; onSaved(view: StipendPolicyView): void }) {
  const [csv, setCsv] = useState("");
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const upload = async () => {
    setBusy(true);
    setProblems([]);
    setMessage(null);
    try {
      const view = await sendJson<StipendPolicyView>("PUT", `/api/programs/${encodeURIComponent(program)}/stipend-policy/countries`, { csv });
      onSaved(view);
      setCsv("");
      setMessage(`The country table is saved: ${view.policy?.countries.length ?? 0} countries.`);
    } catch (caught) {
      const error = asApiError(caught);
      setProblems(error.errors.length > 0 ? error.errors.map((item) => item.detail) : [error.message]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="countries-heading">
      <h2 id="countries-heading">Country percentages</h2>
      <p className="muted small">A mentee living in a country listed here gets that percentage of the base; everyone else gets 100%.</p>
      {policy.countries.length === 0 ? (
        <p>No country is listed yet.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Each country's percentage, total and installments</caption>
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col">Percentage</th>
              <th scope="col">Total</th>
              <th scope="col">Installments</th>
            </tr>
          </thead>
          <tbody>
            {policy.countries.map((country) => (
              <tr key={country.code}>
                <th scope="row">
                  {country.name} ({country.code})
                </th>
                <td>{country.percent}%</td>
                <td>{country.totalWords}</td>
                <td>{country.installmentWords.join(" + ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void upload();
        }}
      >
        <div className="field">
          <label htmlFor="country-file">Upload a CSV file</label>
          <p className="field-hint" id="country-file-hint">
            One line per country: its ISO 3166 code and its percentage, such as “IN,60”. A header line is fine. The file replaces the whole table.
          </p>
          <input
            id="country-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="country-file-hint"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void file.text().then(setCsv);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="country-csv">Or paste it</label>
          <textarea id="country-csv" className="input" rows={5} value={csv} onChange={(event) => setCsv(event.target.value)} />
        </div>
        {problems.length > 0 ? (
          <div className="error-panel" role="alert">
            <p>
              <strong className="error-label">Not saved:</strong> fix {problems.length === 1 ? "this line" : "these lines"} and upload the file again.
            </p>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="form-actions">
          <button type="submit" className="button" disabled={busy || csv.trim() === ""}>
            {busy ? "Saving…" : "Replace the country table"}
          </button>
        </p>
        <p className="small" role="status" aria-live="polite">
          {message}
        </p>
      </form>
    </section>
  );
}

function Stipends({ program }: { program: string }) {
  const found = useApi<StipendPolicyView>(`/api/programs/${encodeURIComponent(program)}/stipend-policy`);
  const [fresh, setFresh] = useState<StipendPolicyView | null>(null);
  if (found.error && !found.data) return <ErrorPanel error={found.error} onRetry={found.reload} />;
  if (!found.data) return <Loading what="the stipend policy" />;
  const data = fresh ?? found.data;
  return (
    <div className="stack">
      <section aria-labelledby="policy-heading" className="panel settings-panel">
        <h2 id="policy-heading">Stipend policy</h2>
        {data.policy ? (
          <p className="muted small">
            Base {data.policy.baseWords}:{" "}
            {data.policy.installments.map((item) => `${item.amountWords} (${item.percent}%) when the ${item.releasedBy} evaluation passes`).join(", ")}.
          </p>
        ) : (
          <p>No stipend policy yet: set its currency, base amount and installments.</p>
        )}
        <PolicyForm program={program} policy={data.policy} onSaved={setFresh} />
        {data.policy ? <p className="muted small">{data.policy.rounding}</p> : null}
      </section>
      {data.policy ? <CountryTable program={program} policy={data.policy} onSaved={setFresh} /> : null}
    </div>
  );
}

/** `/admin/:program/stipends`: the program's stipend policy and its country percentages. */
export function AdminStipendsPage({ program }: { program: string }) {
  return (
    <AdminFrame program={program} title="Stipends">
      {() => <Stipends program={program} />}
    </AdminFrame>
  );
}
