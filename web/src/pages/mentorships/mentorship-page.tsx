import { useState } from "react";
import { Link } from "wouter";
import { EXTENSION_WEEKS } from "../../../../src/domain/mentorship-dates.ts";
import type { ExtensionBody, MentorshipView, MyMentorshipsResponse } from "../../../../src/schemas/mentorship.ts";
import { pagePaths } from "../../api/paths.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { Chip } from "../../components/chip.tsx";
import { DateTimeText } from "../../components/date-time-text.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { SelectField, TextField } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { useForm } from "../../forms/use-form.ts";
import { RequireSignIn } from "../../session/require-sign-in.tsx";
import { NotFoundPage } from "../not-found-page.tsx";
import { AssignmentsSection } from "./assignments-section.tsx";
import { EndMentorshipForm } from "./end-mentorship-form.tsx";
import { EvaluationsSection } from "./evaluations-section.tsx";
import { FinalReportSection } from "./final-report-section.tsx";
import { mentorshipApi } from "./mentorship-api.ts";
import { StipendLedger } from "./stipend-ledger.tsx";
import "./mentorships.css";

const STATE_WORDS: Record<MentorshipView["state"], { label: string; tone: "open" | "closed" | "info" }> = {
  active: { label: "Active", tone: "open" },
  completed: { label: "Completed", tone: "info" },
  ended: { label: "Ended", tone: "closed" },
};

/** The admins' extension of a mentorship: 1–5 weeks and why; the later dates move. */
function ExtensionForm({ view, onSaved }: { view: MentorshipView; onSaved(next: MentorshipView): void }) {
  const [weeks, setWeeks] = useState(String(view.extension?.weeks ?? 1));
  const [reason, setReason] = useState(view.extension?.reason ?? "");
  const [saved, setSaved] = useState(false);
  const form = useForm(
    ["weeks", "reason"] as const,
    async () => {
      const body: ExtensionBody = { weeks: Number(weeks), reason };
      onSaved(await sendJson<MentorshipView>("PUT", mentorshipApi.extension(view.id), body));
      setSaved(true);
    },
    { formId: "extension", required: () => ({ reason: !reason.trim() && "Say why the mentorship is extended." }) },
  );
  const options = Array.from({ length: EXTENSION_WEEKS.max - EXTENSION_WEEKS.min + 1 }, (_, index) => {
    const value = EXTENSION_WEEKS.min + index;
    return { value: String(value), label: `${value} week${value === 1 ? "" : "s"}` };
  });
  return (
    <form className="stack panel" noValidate onSubmit={form.onSubmit} aria-labelledby="extension-heading">
      <h2 id="extension-heading">{view.extension ? "Change the extension" : "Extend the mentorship"}</h2>
      <p className="muted small">Every date of the mentorship after the extension was first granted moves by its weeks; what already happened stays.</p>
      <FormError id="extension" error={form.errors.form} />
      <SelectField name="weeks" label="By" value={weeks} onChange={(event) => setWeeks(event.target.value)} error={form.errors.fields.weeks}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <TextField name="reason" label="Why" value={reason} onChange={(event) => setReason(event.target.value)} error={form.errors.fields.reason} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? "Saving…" : "Save the extension"}
        </button>
        <div className="form-status">{saved ? <Notice title="The mentorship is extended: its dates above have moved." /> : null}</div>
      </div>
    </form>
  );
}

function Mentorship({ id }: { id: string }) {
  const found = useApi<MentorshipView>(mentorshipApi.mentorship(id));
  const [fresh, setFresh] = useState<MentorshipView | null>(null);
  if (found.error?.notFound) return <NotFoundPage what="mentorship" detail={found.error.message} />;
  if (found.error && !found.data) return <ErrorPanel error={found.error} onRetry={found.reload} />;
  if (!found.data) return <Loading what="the mentorship" />;
  const view = fresh ?? found.data;
  const state = STATE_WORDS[view.state];
  return (
    <div className="page narrow stack">
      <header className="page-head">
        <p className="eyebrow">
          Mentorship · {view.project.organization} · {view.term.title}
        </p>
        <h1>
          {view.project.title} <Chip tone={state.tone}>{state.label}</Chip>
        </h1>
        <p>
          <Link href={pagePaths.project(view.project.slug)}>The project</Link>
        </p>
      </header>
      <section className="panel" aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        <dl className="facts">
          <div>
            <dt>Mentee</dt>
            <dd>
              {view.mentee.name}
              {view.mentee.githubHandle ? ` (@${view.mentee.githubHandle})` : ""}
            </dd>
          </div>
          <div>
            <dt>{view.mentors.length === 1 ? "Mentor" : "Mentors"}</dt>
            <dd>{view.mentors.length === 0 ? "None confirmed yet" : view.mentors.map((mentor) => mentor.name).join(", ")}</dd>
          </div>
        </dl>
      </section>
      <section className="panel" aria-labelledby="dates-heading">
        <h2 id="dates-heading">Dates</h2>
        {view.extension ? (
          <p className="notice small">
            Extended by {view.extension.weeks} week{view.extension.weeks === 1 ? "" : "s"}
            {view.extension.reason ? `: ${view.extension.reason.replace(/[.!?]+$/, "")}` : ""}. The dates marked “moved” are later than the term's.
          </p>
        ) : null}
        <ul className="link-list">
          {view.dates.map((date) => (
            <li key={date.kind}>
              <strong>{date.label}</strong>
              {date.moved ? (
                <>
                  {" "}
                  <Chip tone="info">Moved</Chip>
                </>
              ) : null}
              <br />
              {date.startsAt ? <DateTimeText iso={date.startsAt} timeZone={view.term.timeZone} /> : null}
              {date.endsAt && date.endsAt !== date.startsAt ? (
                <>
                  {" "}
                  until <DateTimeText iso={date.endsAt} timeZone={view.term.timeZone} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {view.ended ? (
        <p className="notice" role="note">
          This mentorship ended on <DateTimeText iso={view.ended.at} timeZone={view.term.timeZone} />: {view.ended.reason}
        </p>
      ) : null}
      {view.completedAt ? (
        <p className="notice" role="note">
          Completed on <DateTimeText iso={view.completedAt} timeZone={view.term.timeZone} />. Congratulations!
        </p>
      ) : null}
      <AssignmentsSection view={view} onSaved={setFresh} />
      <EvaluationsSection view={view} onSaved={setFresh} />
      <FinalReportSection view={view} onSaved={setFresh} />
      {view.installments ? <StipendLedger installments={view.installments} timeZone={view.term.timeZone} /> : null}
      {view.canManage && view.state === "active" ? <ExtensionForm view={view} onSaved={setFresh} /> : null}
      {view.canManage && view.state === "active" ? <EndMentorshipForm view={view} onSaved={setFresh} /> : null}
    </div>
  );
}

/** `/mentorships/:mentorship`: a mentorship for its mentee, its mentors and the program's admins. */
export function MentorshipPage({ mentorship }: { mentorship: string }) {
  useDocumentTitle("Mentorship");
  return <RequireSignIn title="Mentorship">{() => <Mentorship id={mentorship} />}</RequireSignIn>;
}

/** The caller's mentorships, as mentee or mentor, linked to their pages; nothing when there are none. */
export function MyMentorships() {
  const mine = useApi<MyMentorshipsResponse>(mentorshipApi.mine());
  const items = mine.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="my-mentorships-heading">
      <h2 id="my-mentorships-heading">Your mentorships</h2>
      <ul className="link-list">
        {items.map((item) => (
          <li key={item.id}>
            <Link href={`/mentorships/${item.id}`}>
              {item.project} · {item.term.title}
            </Link>{" "}
            <span className="muted small">{item.role === "mentee" ? "you are the mentee" : `mentee: ${item.mentee}`}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
