import { useState } from "react";
import { useLocation } from "wouter";
import type { TermDetail } from "../../../../src/schemas/catalog.ts";
import type { Proposal, ProposalCreateBody } from "../../../../src/schemas/proposal.ts";
import { apiPaths, pagePaths } from "../../api/paths.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { Breadcrumbs } from "../../components/breadcrumbs.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { useUrlParams } from "../../components/use-url-params.ts";
import { SelectField, TextField } from "../../forms/field.tsx";
import { FormError } from "../../forms/form-error.tsx";
import { useForm } from "../../forms/use-form.ts";
import { RequireSignIn } from "../../session/require-sign-in.tsx";
import type { Me } from "../../session/session.tsx";
import { instantInSentence } from "../../time/format-date.ts";
import { NotFoundPage } from "../not-found-page.tsx";
import { proposalApi, proposalPages } from "./proposal-paths.ts";
import "./proposals.css";

/** The organizations the person may propose for in the term's program: those they maintain, and the one the address names. */
function organizationsOf(me: Me, term: TermDetail, named: string | null): Array<{ slug: string; name: string }> {
  const maintained = me.roles.flatMap((role) =>
    role.role === "maintainer" && role.program.slug === term.programSlug && role.organization ? [role.organization] : [],
  );
  if (named && !maintained.some((organization) => organization.slug === named)) maintained.push({ slug: named, name: named });
  return maintained;
}

/** The two things a draft starts with (organization and title); the rest follows on the proposal's own page, saved as it is typed. */
function StartForm({ me, term }: { me: Me; term: TermDetail }) {
  const [params] = useUrlParams();
  const [, navigate] = useLocation();
  const organizations = organizationsOf(me, term, params.get("organization"));
  const [organization, setOrganization] = useState(params.get("organization") ?? organizations[0]?.slug ?? "");
  const [title, setTitle] = useState("");
  const form = useForm(
    ["organization", "title"] as const,
    async () => {
      const created = await sendJson<Proposal>("POST", proposalApi.create(term.slug), { organization, title } satisfies ProposalCreateBody);
      navigate(proposalPages.proposal(created.slug));
    },
    { formId: "start-proposal", required: () => ({ title: title.trim() === "" && "give the project a title" }) },
  );
  const closes = term.phases.find((phase) => phase.kind === "proposals")?.endsAt ?? null;
  if (organizations.length === 0)
    return (
      <div className="error-panel" role="alert">
        <p>
          <strong className="error-label">No organization:</strong> only the maintainers of an organization of this program propose its projects. Ask the
          program's admins to invite you as a maintainer.
        </p>
      </div>
    );
  return (
    <form className="panel stack start-proposal" onSubmit={form.onSubmit} noValidate>
      <p>
        {closes
          ? Date.parse(closes) > Date.now()
            ? `Proposals for ${term.title} are open until ${instantInSentence(closes, term.timeZone)}. `
            : `Proposals for ${term.title} closed on ${instantInSentence(closes, term.timeZone)}: only the program's admins can still start one. `
          : ""}
        Start with a title: the draft is created at once and everything else is saved as you type. Nobody outside your organization sees it until you submit it.
      </p>
      <FormError id="start-proposal" error={form.errors.form} />
      {organizations.length > 1 ? (
        <SelectField name="organization" label="Organization" value={organization} onChange={(event) => setOrganization(event.target.value)}>
          {organizations.map((choice) => (
            <option key={choice.slug} value={choice.slug}>
              {choice.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <p>
          Organization: <strong>{organizations[0]?.name}</strong>
        </p>
      )}
      <TextField
        name="title"
        label="Project title"
        value={title}
        maxLength={120}
        onChange={(event) => setTitle(event.target.value)}
        error={form.errors.fields.title}
      />
      <p className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          Start the draft
        </button>
      </p>
    </form>
  );
}

/** `/terms/:term/proposals/new?organization=…`: where a maintainer starts a proposal for the term. */
export function NewProposalPage({ term: slug }: { term: string }) {
  const term = useApi<TermDetail>(apiPaths.term(slug));
  useDocumentTitle(term.data ? `Propose a project · ${term.data.title}` : "Propose a project");
  return (
    <RequireSignIn title="Propose a project">
      {(me) => {
        if (term.error?.notFound) return <NotFoundPage what="term" detail={term.error.message} />;
        const data = term.data;
        return (
          <div className="page narrow">
            {data ? (
              <Breadcrumbs
                items={[{ label: "Home", href: pagePaths.home() }, { label: data.title, href: pagePaths.term(data.slug) }, { label: "Propose a project" }]}
              />
            ) : null}
            <h1>Propose a project{data ? ` for ${data.title}` : ""}</h1>
            {data ? <StartForm me={me} term={data} /> : term.error ? <ErrorPanel error={term.error} onRetry={term.reload} /> : <Loading what="the term" />}
          </div>
        );
      }}
    </RequireSignIn>
  );
}
