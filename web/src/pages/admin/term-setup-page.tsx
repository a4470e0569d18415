import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useLocation } from "wouter";
import type { TermSetup } from "../../../../src/schemas/term-setup.ts";
import { asApiError } from "../../api/api-error.ts";
import { pagePaths } from "../../api/paths.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import type { Me } from "../../session/session.tsx";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { boardPages } from "../mentoring/board-paths.ts";
import { proposalPages } from "../proposals/proposal-paths.ts";
import { AdminFrame, adminPaths } from "./admin-frame.tsx";
import { reportPage } from "./report-paths.ts";
import { selectionPage } from "./selection-paths.ts";
import { termPublishPath, termSetupPath } from "./term-api.ts";
import { TermCopyForm } from "./term-copy-form.tsx";
import { draftOfSetup, formFieldOf, type TermDraft, termUpdateBody, timelineBody } from "./term-draft.ts";
import { ErrorSummary, TermFields, useTermForm } from "./term-form.tsx";
import { DraftBanner } from "./term-status.tsx";
import { rowName } from "./timeline-editor.tsx";

/** Publishing a draft, asked once more: it cannot be undone, and it fixes the slug. */
function PublishControl({ setup, dirty, onPublished }: { setup: TermSetup; dirty: boolean; onPublished(setup: TermSetup): void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReturnType<typeof asApiError> | null>(null);
  const publish = () => {
    setBusy(true);
    setError(null);
    sendJson<TermSetup>("POST", termPublishPath(setup.slug)).then(onPublished, (caught: unknown) => {
      setBusy(false);
      setError(asApiError(caught));
    });
  };
  return (
    <div className="stack-tight">
      {dirty ? <p className="field-hint">The form below has changes that are not saved: publishing shows the term as it was last saved.</p> : null}
      {confirming ? (
        <div className="confirm confirm-box">
          <p>
            Publish “{setup.title}” now? Its page at /terms/{setup.slug} and its timeline become public, and its slug can no longer change.
          </p>
          <div className="actions">
            <button type="button" className="button button-primary" onClick={publish} disabled={busy}>
              {busy ? "Publishing…" : "Publish now"}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Not yet
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button type="button" className="button button-primary" onClick={() => setConfirming(true)}>
            Publish the term
          </button>
        </div>
      )}
      <FormError id="publish" error={error} />
    </div>
  );
}

/** "Close “Mentee applications” now?", naming the rows the server says the change closes while they are open. */
function closingQuestion(draft: TermDraft, fields: readonly string[]): string {
  const { keys } = timelineBody(draft);
  const names = fields.flatMap((field) => {
    const named = formFieldOf(field, keys);
    const row = draft.timeline.find((candidate) => named === `timeline-${candidate.key}` || named.startsWith(`timeline-${candidate.key}-`));
    return row ? [`“${rowName(row)}”`] : [];
  });
  return names.length > 0
    ? `Close ${names.join(" and ")} now? ${names.length === 1 ? "It is" : "They are"} open at the moment.`
    : "Close a phase that is open now?";
}

/** The question the server asked before closing a phase that is open now, with the two answers. */
function ConfirmClosing({ question, busy, onConfirm, onCancel }: { question: string; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <div className="confirm confirm-closing" role="alertdialog" aria-labelledby="confirm-closing-question" tabIndex={-1} ref={panel}>
      <p id="confirm-closing-question">
        <strong>{question}</strong>
      </p>
      <p className="small">
        Saving ends it at once: nobody can act in it any more, the public timeline shows the new date, and the people it concerns get an email.
      </p>
      <div className="actions">
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={busy}>
          {busy ? "Saving…" : "Yes, save and close it now"}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          No, keep it open
        </button>
      </div>
    </div>
  );
}

function NoSuchTerm({ program, term }: { program: string; term: string }) {
  return (
    <div className="error-panel" role="alert">
      <p>
        <strong className="error-label">Not found:</strong> this program has no term “{term}”. <Link href={adminPaths.terms(program)}>See its terms</Link>.
      </p>
    </div>
  );
}

function Setup({ program, term, me }: { program: string; term: string; me: Me }) {
  const loadedSetup = useApi<TermSetup>(termSetupPath(term));
  const [setup, setSetup] = useState<TermSetup | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const current = setup ?? loadedSetup.data;
  // An admin of two programs reaches another program's term only under that program's own pages.
  if (current && current.programSlug !== program) return <NoSuchTerm program={program} term={term} />;
  if (current) {
    return (
      <SetupForm
        key={`${current.slug}|${current.publishedAt ?? ""}`}
        program={program}
        setup={current}
        me={me}
        notice={notice}
        onChange={(updated, words) => {
          setNotice(words);
          setSetup(updated);
        }}
      />
    );
  }
  if (loadedSetup.error) {
    return loadedSetup.error.notFound ? <NoSuchTerm program={program} term={term} /> : <ErrorPanel error={loadedSetup.error} onRetry={loadedSetup.reload} />;
  }
  return <Loading what="the term" />;
}

function SetupForm({
  program,
  setup,
  me,
  notice,
  onChange,
}: {
  program: string;
  setup: TermSetup;
  me: Me;
  /** What the last change did, said once above the form. */
  notice: string | null;
  onChange(setup: TermSetup, words: string | null): void;
}) {
  const loaded = useMemo(() => draftOfSetup(setup), [setup]);
  const [draft, setDraft] = useState<TermDraft>(loaded);
  const [question, setQuestion] = useState<string | null>(null);
  const confirmed = useRef(false);
  const [, navigate] = useLocation();
  const viewerZone = me.timeZone ?? viewerTimeZone();

  const show = (updated: TermSetup, words: string) => {
    if (updated.slug !== setup.slug) navigate(adminPaths.term(program, updated.slug), { replace: true });
    onChange(updated, words);
  };
  const form = useTermForm(draft, async () => {
    const { body } = termUpdateBody(draft, loaded, setup.slugEditable);
    const confirm = confirmed.current;
    confirmed.current = false;
    try {
      const updated = await sendJson<TermSetup>("PATCH", termSetupPath(setup.slug), confirm ? { ...body, confirmClosingOpenPhase: true } : body);
      setQuestion(null);
      show(updated, "Your changes are saved.");
    } catch (caught) {
      const error = asApiError(caught);
      if (error.code !== "CONFIRMATION_REQUIRED") throw error;
      setQuestion(
        closingQuestion(
          draft,
          error.errors.map((problem) => problem.field),
        ),
      );
    }
  });
  const dirty =
    JSON.stringify(termUpdateBody(draft, loaded, setup.slugEditable).body) !== JSON.stringify(termUpdateBody(loaded, loaded, setup.slugEditable).body);
  const publishedOn = setup.publishedAt ? formatDateTime(new Date(setup.publishedAt), viewerZone) : null;

  return (
    <>
      <p className="term-setup-title">
        <span className="term-setup-name">{setup.title}</span>
        {publishedOn ? (
          <span className="muted">
            {" "}
            · published {publishedOn} · <Link href={pagePaths.term(setup.slug)}>public page</Link>
          </span>
        ) : null}
        <span className="muted">
          {" "}
          · <Link href={proposalPages.board(setup.programSlug, setup.slug)}>proposal board</Link> ·{" "}
          <Link href={boardPages.termApplications(setup.programSlug, setup.slug)}>applications</Link> ·{" "}
          <Link href={selectionPage(setup.programSlug, setup.slug)}>selection</Link> · <Link href={reportPage(setup.programSlug, setup.slug)}>report</Link>
        </span>
      </p>
      {notice ? <Notice title={notice} /> : null}
      {setup.published ? null : (
        <DraftBanner>
          <PublishControl setup={setup} dirty={dirty} onPublished={(updated) => show(updated, `“${updated.title}” is published: its page is public now.`)} />
        </DraftBanner>
      )}
      <form className="term-form" noValidate onSubmit={form.onSubmit} aria-label={`Settings and timeline of ${setup.title}`}>
        <FormError id="term-form" error={form.formError} />
        <ErrorSummary draft={draft} errors={form.errors} />
        <TermFields
          draft={draft}
          onChange={(next) => {
            if (notice) onChange(setup, null);
            setDraft(next);
          }}
          form={form}
          slugLocked={setup.slugEditable ? null : `/terms/${setup.slug}: the slug is fixed since the term was published, so links to it keep working.`}
          viewerZone={viewerZone}
        />
        {question ? (
          <ConfirmClosing
            question={question}
            busy={form.busy}
            onConfirm={() => {
              confirmed.current = true;
              form.submit();
            }}
            onCancel={() => setQuestion(null)}
          />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy || !dirty}>
            {form.busy ? "Saving…" : "Save changes"}
          </button>
          <p className="field-hint">
            {setup.published
              ? "A change of dates is public at once and emails the people it concerns."
              : dirty
                ? "Changes are kept as a draft."
                : "No changes to save."}
          </p>
        </div>
      </form>
      <section className="panel term-copy" aria-labelledby="copy-heading">
        <h2 id="copy-heading">New term like this one</h2>
        <TermCopyForm program={program} setup={setup} />
      </section>
    </>
  );
}

/** `/admin/:program/terms/:term`: a term's settings and timeline, publishing a draft, and a copy shifted by weeks. */
export function TermSetupPage({ program, term }: { program: string; term: string }) {
  return (
    <AdminFrame program={program} title="Term setup">
      {(me) => <Setup program={program} term={term} me={me} />}
    </AdminFrame>
  );
}
