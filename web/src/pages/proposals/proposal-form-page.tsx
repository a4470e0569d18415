import { useState } from "react";
import type { TermDetail } from "../../../../src/schemas/catalog.ts";
import type { Proposal, ProposalUpdateBody } from "../../../../src/schemas/proposal.ts";
import type { ApiError } from "../../api/api-error.ts";
import { apiPaths, pagePaths } from "../../api/paths.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { Breadcrumbs } from "../../components/breadcrumbs.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { AutosaveStatusLine } from "../../forms/autosave-status.tsx";
import { useAutosave } from "../../forms/use-autosave.ts";
import { RequireSignIn } from "../../session/require-sign-in.tsx";
import { NotFoundPage } from "../not-found-page.tsx";
import { changedFields, draftFromProposal, errorOf, type ProposalDraft } from "./proposal-draft.ts";
import { ProposalForm } from "./proposal-form.tsx";
import { proposalApi } from "./proposal-paths.ts";
import { ProposalPreview } from "./proposal-preview.tsx";
import { ProposalStatus } from "./proposal-status.tsx";
import "./proposals.css";

/** The end of the term's proposals phase, when its timeline has one. */
function proposalsCloseOf(term: TermDetail | null): string | null {
  return term?.phases.find((phase) => phase.kind === "proposals")?.endsAt ?? null;
}

/** The form with its autosave, status line, preview and status panel, for one loaded proposal. */
function ProposalEditor({ initial, term }: { initial: Proposal; term: TermDetail | null }) {
  const [proposal, setProposal] = useState(initial);
  const [draft, setDraft] = useState<ProposalDraft>(() => draftFromProposal(initial));
  const [submitErrors, setSubmitErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const accepted = proposal.state === "accepted";
  const autosave = useAutosave<ProposalUpdateBody>({
    // The baseline is what the server held when the page opened; later saves move it on.
    saved: changedFields({}, draftFromProposal(initial), false),
    changesSince: (saved) => changedFields(saved, draft, accepted),
    send: async (changes) => setProposal(await sendJson<Proposal>("PATCH", proposalApi.proposal(initial.slug), changes)),
  });
  const errors = (field: string) => errorOf(autosave.fieldErrors, field) ?? errorOf(submitErrors, field);
  const onSubmitFailed = (error: ApiError) => setSubmitErrors(new Map(error.errors.map((problem) => [problem.field.replace(/^body\./, ""), problem.detail])));
  const onProposal = (next: Proposal) => {
    setProposal(next);
    setSubmitErrors(new Map());
  };
  const editable = proposal.abilities.edit;
  return (
    <>
      <ProposalStatus
        proposal={proposal}
        proposalsClose={proposalsCloseOf(term)}
        onProposal={onProposal}
        beforeSubmit={autosave.saveNow}
        onSubmitFailed={onSubmitFailed}
      />
      <div className={editable ? "proposal-layout" : "proposal-layout proposal-layout-read"}>
        {editable ? (
          <div className="proposal-main">
            <ProposalForm
              proposal={proposal}
              draft={draft}
              onChange={setDraft}
              onProposal={onProposal}
              errors={errors}
              statusLine={<AutosaveStatusLine autosave={autosave} />}
            />
          </div>
        ) : null}
        <ProposalPreview proposal={proposal} draft={draft} />
      </div>
    </>
  );
}

/** `/proposals/:proposal`: a proposal's form (for its maintainers), its state and next step, and its live preview. */
export function ProposalFormPage({ proposal: slug }: { proposal: string }) {
  const proposal = useApi<Proposal>(proposalApi.proposal(slug));
  const termSlug = proposal.data?.term.slug ?? null;
  const term = useApi<TermDetail>(termSlug ? apiPaths.term(termSlug) : null);
  useDocumentTitle(proposal.error?.notFound ? "Not found" : proposal.data ? `${proposal.data.title || "Proposal"} · Proposal` : "Proposal");
  return (
    <RequireSignIn title="Proposal">
      {() => {
        if (proposal.error?.notFound) return <NotFoundPage what="proposal" detail={proposal.error.message} />;
        const data = proposal.data;
        if (!data)
          return (
            <div className="page">
              <h1>Proposal</h1>
              {proposal.error ? <ErrorPanel error={proposal.error} onRetry={proposal.reload} /> : <Loading what="the proposal" />}
            </div>
          );
        return (
          <div className="page proposal-page">
            <Breadcrumbs
              items={[
                { label: "Home", href: pagePaths.home() },
                { label: data.term.title, href: pagePaths.term(data.term.slug) },
                { label: data.title || "Proposal" },
              ]}
            />
            <header className="page-head">
              <p className="eyebrow">
                Project proposal · {data.organization.name} · {data.term.title}
              </p>
              <h1>{data.title || "Untitled proposal"}</h1>
            </header>
            <ProposalEditor key={data.slug} initial={data} term={term.data} />
          </div>
        );
      }}
    </RequireSignIn>
  );
}
