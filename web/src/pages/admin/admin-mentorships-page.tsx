import { useState } from "react";
import { Link } from "wouter";
import { INSTALLMENT_STATES } from "../../../../src/domain/installments.ts";
import type { ProgramInstallmentsResponse, ProgramMentorshipsResponse } from "../../../../src/schemas/program-mentorships.ts";
import { asApiError } from "../../api/api-error.ts";
import { sendForDownload, sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { Chip } from "../../components/chip.tsx";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { DateTimeText } from "../../components/date-time-text.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { SelectField } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { MarkdownField } from "../../forms/markdown-field.tsx";
import { TextRows } from "../../forms/text-rows.tsx";
import { useForm } from "../../forms/use-form.ts";
import { INSTALLMENT_TONES } from "../mentorships/stipend-ledger.tsx";
import { AdminFrame } from "./admin-frame.tsx";
import { programMentorshipApi } from "./program-mentorship-api.ts";
import "../mentorships/mentorships.css";

type MentorshipRow = ProgramMentorshipsResponse["items"][number];
type InstallmentRow = ProgramInstallmentsResponse["items"][number];

const VIEWER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

const STATE_LABELS = { pending: "Pending", due: "Due", approved: "Approved", exported: "Sent to finance", paid: "Paid", withheld: "Withheld" } as const;

function EvaluationCell({ row, kind }: { row: MentorshipRow; kind: "midterm" | "final" }) {
  const evaluation = row.evaluations.find((item) => item.kind === kind);
  if (!evaluation) return null;
  if (evaluation.outcome)
    return <Chip tone={evaluation.outcome === "pass" ? "open" : "closed"}>{evaluation.outcome === "pass" ? "Passed" : "Not passed"}</Chip>;
  if (evaluation.overdue) {
    return (
      <Chip tone="error">Overdue{evaluation.missing.includes("mentee_report") && !evaluation.missing.includes("evaluation") ? ": mentee's report" : ""}</Chip>
    );
  }
  return (
    <span className="muted small">
      {evaluation.dueAt ? (
        <>
          due <DateTimeText iso={evaluation.dueAt} timeZone={VIEWER_ZONE} />
        </>
      ) : (
        "no date"
      )}
    </span>
  );
}

const MENTORSHIP_COLUMNS: Column<MentorshipRow>[] = [
  {
    key: "mentee",
    header: "Mentee",
    rowHeader: true,
    cell: (row) => <Link href={`/mentorships/${row.id}`}>{row.mentee}</Link>,
    compare: (a, b) => a.mentee.localeCompare(b.mentee),
  },
  { key: "project", header: "Project", cell: (row) => row.project, compare: (a, b) => a.project.localeCompare(b.project) },
  { key: "term", header: "Term", cell: (row) => row.term.title },
  { key: "state", header: "State", cell: (row) => (row.state === "active" ? "Active" : row.state === "completed" ? "Completed" : "Ended") },
  { key: "midterm", header: "Midterm", cell: (row) => <EvaluationCell row={row} kind="midterm" /> },
  { key: "final", header: "Final", cell: (row) => <EvaluationCell row={row} kind="final" /> },
];

/** The overview: every mentorship with what is overdue first. */
function MentorshipsOverview({ program }: { program: string }) {
  const found = useApi<ProgramMentorshipsResponse>(programMentorshipApi.mentorships(program));
  if (found.error && !found.data) return <ErrorPanel error={found.error} onRetry={found.reload} />;
  if (!found.data) return <Loading what="the mentorships" />;
  return (
    <section className="stack" aria-labelledby="mentorships-heading">
      <h2 id="mentorships-heading">Mentorships</h2>
      {found.data.overdue > 0 ? (
        <p className="notice overdue-note" role="note">
          {found.data.overdue} evaluation{found.data.overdue === 1 ? " is" : "s are"} overdue: marked below.
        </p>
      ) : null}
      <DataTable
        caption="Mentorships"
        columns={MENTORSHIP_COLUMNS}
        rows={found.data.items}
        rowKey={(row) => row.id}
        sortParam="mentorships"
        empty={<p className="muted">No mentorship yet: they begin when selected applicants accept their offers.</p>}
      />
    </section>
  );
}

/** The installments from due to paid: approve (in bulk), export to finance, mark paid or import the references. */
function Installments({ program }: { program: string }) {
  const [state, setState] = useState<string>("due");
  const found = useApi<ProgramInstallmentsResponse>(programMentorshipApi.installments(program, state));
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [references, setReferences] = useState<Record<number, string>>({});
  const act = async (action: () => Promise<string>) => {
    setMessage(null);
    try {
      setMessage({ ok: true, text: await action() });
      setSelected(new Set());
      found.reload();
    } catch (error) {
      setMessage({ ok: false, text: asApiError(error).message });
    }
  };
  const rows = found.data?.items ?? [];
  const counts = found.data?.counts;
  const columns: Column<InstallmentRow>[] = [
    {
      key: "select",
      header: "Select",
      headerHidden: true,
      cell: (row) =>
        row.state === "due" ? (
          <input
            type="checkbox"
            aria-label={`Select installment ${row.position} of ${row.mentee}`}
            checked={selected.has(row.id)}
            onChange={(event) => {
              const next = new Set(selected);
              if (event.target.checked) next.add(row.id);
              else next.delete(row.id);
              setSelected(next);
            }}
          />
        ) : null,
    },
    { key: "mentee", header: "Mentee", rowHeader: true, cell: (row) => <Link href={`/mentorships/${row.mentorshipId}`}>{row.mentee}</Link> },
    { key: "project", header: "Project", cell: (row) => `${row.project} · ${row.term.title}` },
    { key: "installment", header: "Installment", cell: (row) => `${row.position} (${row.releasedBy})` },
    { key: "amount", header: "Amount", cell: (row) => `${row.amountText}${row.country ? ` · ${row.country}` : ""}` },
    { key: "state", header: "State", cell: (row) => <Chip tone={INSTALLMENT_TONES[row.state]}>{row.stateText}</Chip> },
    {
      key: "payment",
      header: "Payment",
      cell: (row) =>
        row.state === "exported" ? (
          <span className="payment-form">
            <input
              className="input"
              aria-label={`Payment reference of installment ${row.position} of ${row.mentee}`}
              value={references[row.id] ?? ""}
              onChange={(event) => setReferences({ ...references, [row.id]: event.target.value })}
            />
            <button
              type="button"
              className="button"
              disabled={!(references[row.id] ?? "").trim()}
              onClick={() =>
                void act(async () => {
                  await sendJson("POST", programMentorshipApi.payments(program), { payments: [{ installment: row.id, reference: references[row.id] ?? "" }] });
                  return `Installment ${row.position} of ${row.mentee} is marked paid.`;
                })
              }
            >
              Mark paid
              <span className="visually-hidden">
                {" "}
                installment {row.position} of {row.mentee}
              </span>
            </button>
          </span>
        ) : (
          (row.paymentReference ?? row.withheldReason ?? "")
        ),
    },
  ];
  return (
    <section className="stack" aria-labelledby="installments-heading">
      <h2 id="installments-heading">Stipend installments</h2>
      <div className="installments-toolbar">
        <SelectField name="installment-state" label="Show" value={state} onChange={(event) => setState(event.target.value)}>
          <option value="">All ({counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : "…"})</option>
          {INSTALLMENT_STATES.map((value) => (
            <option key={value} value={value}>
              {STATE_LABELS[value]} ({counts?.[value] ?? "…"})
            </option>
          ))}
        </SelectField>
        <p className="actions">
          <button
            type="button"
            className="button button-primary"
            disabled={selected.size === 0}
            onClick={() =>
              void act(async () => {
                const { moved } = await sendJson<{ moved: number }>("POST", programMentorshipApi.approve(program), { ids: [...selected] });
                return `${moved} installment${moved === 1 ? "" : "s"} approved.`;
              })
            }
          >
            Approve selected ({selected.size})
          </button>
          <button
            type="button"
            className="button"
            disabled={(counts?.approved ?? 0) === 0}
            onClick={() =>
              void act(async () => {
                const response = await sendForDownload("POST", programMentorshipApi.export(program));
                const count = Number(response.headers.get("x-exported-count") ?? "0");
                return `${count} approved installment${count === 1 ? "" : "s"} exported to the finance CSV and marked sent to finance.`;
              })
            }
          >
            Export approved to CSV ({counts?.approved ?? 0})
          </button>
        </p>
      </div>
      <p className="small" role="status" aria-live="polite">
        {message ? <span className={message.ok ? "" : "field-error"}>{message.text}</span> : null}
      </p>
      {found.error && !found.data ? <ErrorPanel error={found.error} onRetry={found.reload} /> : null}
      {!found.data && !found.error ? <Loading what="the installments" /> : null}
      {found.data ? (
        <DataTable
          caption="Stipend installments"
          columns={columns}
          rows={rows}
          rowKey={(row) => row.id}
          rowClassName="installment-row"
          sortParam="installments"
          empty={<p className="muted">No installment {state ? `is ${STATE_LABELS[state as keyof typeof STATE_LABELS].toLowerCase()}` : "yet"}.</p>}
        />
      ) : null}
      <PaymentImport program={program} onImported={found.reload} />
    </section>
  );
}

/** Finance's file of payment references, pasted or chosen, checked whole by the server. */
function PaymentImport({ program, onImported }: { program: string; onImported(): void }) {
  const [csv, setCsv] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const form = useForm(
    ["csv"] as const,
    async () => {
      const { moved } = await sendJson<{ moved: number }>("POST", programMentorshipApi.importPayments(program), { csv });
      setDone(`${moved} installment${moved === 1 ? "" : "s"} marked paid.`);
      setCsv("");
      onImported();
    },
    { formId: "payments", required: () => ({ csv: !csv.trim() && "Paste the file or choose it." }) },
  );
  return (
    <form className="stack panel" noValidate onSubmit={form.onSubmit} aria-labelledby="payments-heading">
      <h3 id="payments-heading">Import payment references</h3>
      <FormError id="payments" error={form.errors.form} />
      <div className="field">
        <label htmlFor="payments-file">Finance's file (CSV)</label>
        <input id="payments-file" type="file" accept=".csv,text/csv" onChange={async (event) => setCsv((await event.target.files?.[0]?.text()) ?? "")} />
      </div>
      <MarkdownField
        name="csv"
        label="Or paste it"
        hint="One line per payment: the installment number (the export's first column) and the payment reference, e.g. “42,PAY-2026-0042”."
        rows={4}
        value={csv}
        onChange={setCsv}
        error={form.errors.fields.csv}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? "Importing…" : "Import the references"}
        </button>
        <div className="form-status">{done ? <Notice title={done} /> : null}</div>
      </div>
    </form>
  );
}

/** The questions every evaluation answers. */
function EvaluationQuestionsForm({ program }: { program: string }) {
  const found = useApi<{ questions: string[] }>(programMentorshipApi.questions(program));
  const [questions, setQuestions] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const shown = questions ?? found.data?.questions ?? [];
  const form = useForm(
    ["questions"] as const,
    async () => {
      const next = await sendJson<{ questions: string[] }>("PUT", programMentorshipApi.questions(program), {
        questions: shown.filter((question) => question.trim()),
      });
      setQuestions(next.questions);
      setSaved(true);
    },
    { formId: "questions" },
  );
  if (!found.data) return found.error ? <ErrorPanel error={found.error} onRetry={found.reload} /> : <Loading what="the evaluation questions" />;
  return (
    <form className="stack panel" noValidate onSubmit={form.onSubmit} aria-labelledby="questions-heading">
      <h2 id="questions-heading">Evaluation questions</h2>
      <FormError id="questions" error={form.errors.form} />
      <TextRows
        name="questions"
        legend="Questions"
        hint="Mentors answer each in every evaluation, besides pass or fail and their comments. Evaluations already submitted keep the questions they answered."
        rowLabel="Question"
        addLabel="Add a question"
        values={shown}
        onChange={(values) => {
          setQuestions(values);
          setSaved(false);
        }}
        errors={(field) => (field === "questions" ? form.errors.fields.questions : undefined)}
        max={20}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? "Saving…" : "Save the questions"}
        </button>
        <div className="form-status">{saved ? <Notice title="Saved." /> : null}</div>
      </div>
    </form>
  );
}

/** `/admin/:program/mentorships`: every mentorship with what is overdue, the installments to approve, export and mark paid, and the evaluation questions. */
export function AdminMentorshipsPage({ program }: { program: string }) {
  return (
    <AdminFrame program={program} title="Mentorships">
      {() => (
        <div className="stack">
          <MentorshipsOverview program={program} />
          <Installments program={program} />
          <EvaluationQuestionsForm program={program} />
        </div>
      )}
    </AdminFrame>
  );
}
