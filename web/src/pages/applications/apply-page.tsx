import { useCallback, useState } from "react";
import { EDITABLE_APPLICATION_STATES } from "../../../../src/domain/application-states.ts";
import type { ApplicationForm } from "../../../../src/schemas/application.ts";
import type { Eligibility } from "../../../../src/schemas/eligibility.ts";
import { pagePaths } from "../../api/paths.ts";
import { useApi } from "../../api/use-api.ts";
import { Breadcrumbs } from "../../components/breadcrumbs.tsx";
import { Countdown } from "../../components/countdown.tsx";
import { DateTimeText } from "../../components/date-time-text.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { RequireSignIn } from "../../session/require-sign-in.tsx";
import { useSession } from "../../session/session.tsx";
import { instantInSentence } from "../../time/format-date.ts";
import { NotFoundPage } from "../not-found-page.tsx";
import { ApplicationEditor } from "./application-editor.tsx";
import { applicationApi } from "./application-paths.ts";
import { ApplicationStateLine, ApplicationView } from "./application-view.tsx";
import { EligibilityForm } from "./eligibility-form.tsx";
import "./applications.css";

/** The applications window of the term: until when it is open, with a countdown, or when it opens or closed. */
function WindowLine({ form, onElapsed }: { form: ApplicationForm; onElapsed(): void }) {
  const { window, term } = form;
  if (window.open && window.closesAt) {
    return (
      <div className="deadline application-deadline">
        <p className="deadline-what">
          Applications close <Countdown at={window.closesAt} live onElapsed={onElapsed} />
        </p>
        <p className="deadline-when">
          <DateTimeText iso={window.closesAt} timeZone={term.timeZone} />
        </p>
      </div>
    );
  }
  const sentence =
    !window.open && window.opensAt && Date.parse(window.opensAt) > Date.now()
      ? `Applications for ${term.title} open on ${instantInSentence(window.opensAt, term.timeZone)}.`
      : window.closesAt
        ? `Applications for ${term.title} closed on ${instantInSentence(window.closesAt, term.timeZone)}.`
        : window.message;
  return <p className="apply-reason">{sentence}</p>;
}

/** Whether an applicant's eligibility lets them apply: a term without questions asks nothing. */
function isEligible(eligibility: Eligibility): boolean {
  return eligibility.questions.length === 0 || eligibility.verdict?.eligible === true;
}

/**
 * What the page shows under its heading: the term's eligibility questions and verdict first,
 * then, once eligible, the form; or the application as sent once it can no longer change.
 */
function ApplyBody({ form, reload }: { form: ApplicationForm; reload(): void }) {
  const { application } = form;
  const [eligible, setEligible] = useState(form.eligibility.questions === 0 || (form.eligibility.answered && form.eligibility.eligible));
  const onEligibility = useCallback((eligibility: Eligibility) => setEligible(isEligible(eligibility)), []);
  const editable = form.window.open && (application === null || (EDITABLE_APPLICATION_STATES as readonly string[]).includes(application.state));
  if (!editable) {
    return (
      <>
        <section className="panel application-status" aria-labelledby="status-heading">
          <h2 id="status-heading">Your application</h2>
          {application ? <ApplicationStateLine application={application} closes={null} /> : <p>You did not apply to this project.</p>}
        </section>
        {application ? <ApplicationView application={application} questions={form.questions} /> : null}
      </>
    );
  }
  return (
    <>
      {form.eligibility.questions > 0 ? <EligibilityForm term={form.term.slug} onResult={onEligibility} /> : null}
      {eligible ? <ApplicationEditor key={form.project.slug} form={form} onChanged={reload} /> : null}
    </>
  );
}

/** `/projects/:project/apply`: the applicant's eligibility for the term, then their application to the project, saved as it is typed. */
export function ApplyPage({ project: slug }: { project: string }) {
  const { session } = useSession();
  // A visitor is sent to sign in: asking for the form first would only earn a 401.
  const form = useApi<ApplicationForm>(session.status === "signed-in" ? applicationApi.form(slug) : null);
  useDocumentTitle(form.error?.notFound ? "Not found" : form.data ? `Apply · ${form.data.project.title}` : "Apply");
  return (
    <RequireSignIn title="Apply">
      {() => {
        if (form.error?.notFound) return <NotFoundPage what="project" detail={form.error.message} />;
        const data = form.data;
        if (!data)
          return (
            <div className="page">
              <h1>Apply</h1>
              {form.error ? <ErrorPanel error={form.error} onRetry={form.reload} /> : <Loading what="the application form" />}
            </div>
          );
        return (
          <div className="page application-page">
            <Breadcrumbs
              items={[
                { label: "Programs", href: pagePaths.home() },
                { label: data.term.title, href: pagePaths.term(data.term.slug) },
                { label: "Projects", href: pagePaths.catalog(data.term.slug) },
                { label: data.project.title, href: pagePaths.project(data.project.slug) },
                { label: "Apply" },
              ]}
            />
            <header className="page-head">
              <p className="eyebrow">
                Application · {data.project.organization.name} · {data.term.title}
              </p>
              <h1>Apply to {data.project.title}</h1>
              <WindowLine form={data} onElapsed={form.reload} />
            </header>
            {form.error ? <ErrorPanel error={form.error} onRetry={form.reload} /> : null}
            <ApplyBody form={data} reload={form.reload} />
          </div>
        );
      }}
    </RequireSignIn>
  );
}
