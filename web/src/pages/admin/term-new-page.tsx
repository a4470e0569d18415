import { useState } from "react";
import { useLocation } from "wouter";
import type { ProgramListResponse } from "../../../../src/schemas/catalog.ts";
import type { TermSetup } from "../../../../src/schemas/term-setup.ts";
import { apiPaths } from "../../api/paths.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { Loading } from "../../components/load-states.tsx";
import { FormError } from "../../forms/form-error.tsx";
import { type Me, useSession } from "../../session/session.tsx";
import { viewerTimeZone } from "../../time/zones.ts";
import { AdminFrame, adminPaths } from "./admin-frame.tsx";
import { emptyTermDraft, type TermDraft, termSetupBody } from "./term-draft.ts";
import { ErrorSummary, TermFields, useTermForm } from "./term-form.tsx";

/** The form of a new term, in the program's zone once it is known (the admin's own until then). */
function NewTermForm({ program, me, programZone }: { program: string; me: Me; programZone: string }) {
  const [draft, setDraft] = useState<TermDraft>(() => emptyTermDraft(programZone));
  const [, navigate] = useLocation();
  const { announce } = useSession();
  const form = useTermForm(draft, async () => {
    const created = await sendJson<TermSetup>("POST", apiPaths.programTerms(program), termSetupBody(draft).body);
    const path = adminPaths.term(program, created.slug);
    announce(`“${created.title}” is created as a draft: only admins see it until you publish it.`, path);
    navigate(path);
  });
  return (
    <form className="term-form" noValidate onSubmit={form.onSubmit} aria-label="New term">
      <FormError id="term-form" error={form.formError} />
      <ErrorSummary draft={draft} errors={form.errors} />
      <TermFields draft={draft} onChange={setDraft} form={form} slugLocked={null} viewerZone={me.timeZone ?? viewerTimeZone()} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? "Creating…" : "Create the term as a draft"}
        </button>
        <p className="field-hint">Nobody but the program's admins sees it until you publish it.</p>
      </div>
    </form>
  );
}

function NewTerm({ program, me }: { program: string; me: Me }) {
  const programs = useApi<ProgramListResponse>(apiPaths.programs());
  if (programs.status === "loading") return <Loading what="the program" />;
  const zone = programs.data?.items.find((item) => item.slug === program)?.timeZone ?? me.timeZone ?? viewerTimeZone();
  return <NewTermForm program={program} me={me} programZone={zone} />;
}

/** `/admin/:program/new-term`: a new term's settings and timeline, created as a draft. */
export function TermNewPage({ program }: { program: string }) {
  return (
    <AdminFrame program={program} title="New term">
      {(me) => <NewTerm program={program} me={me} />}
    </AdminFrame>
  );
}
