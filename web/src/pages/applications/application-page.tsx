import { Link } from "wouter";
import { APPLICATION_STATE_LABELS, EDITABLE_APPLICATION_STATES } from "../../../../src/domain/application-states.ts";
import type { Application, ApplicationForm } from "../../../../src/schemas/application.ts";
import { pagePaths } from "../../api/paths.ts";
import { useApi } from "../../api/use-api.ts";
import { Breadcrumbs } from "../../components/breadcrumbs.tsx";
import { Chip } from "../../components/chip.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { RequireSignIn } from "../../session/require-sign-in.tsx";
import { useSession } from "../../session/session.tsx";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { ApplicantProfile } from "../mentoring/applicant-profile.tsx";
import { ReviewPanel } from "../mentoring/review-panel.tsx";
import { NotFoundPage } from "../not-found-page.tsx";
import { applicationApi } from "./application-paths.ts";
import { ApplicationView } from "./application-view.tsx";
import { APPLICATION_STATE_TONE } from "./application-words.ts";
import "./applications.css";

/** The read view of one loaded application, with the way back to its form while its applicant may still change it. */
function ApplicationRead({ application, form }: { application: Application; form: ApplicationForm | null }) {
  // The caller's own application to the project is the one their form carries.
  const mine = form?.application?.id === application.id;
  const editable = mine && form?.window.open === true && (EDITABLE_APPLICATION_STATES as readonly string[]).includes(application.state);
  const zone = viewerTimeZone();
  return (
    <>
      <section className="panel application-status" aria-labelledby="status-heading">
        <h2 id="status-heading">
          Status <Chip tone={APPLICATION_STATE_TONE[application.state]}>{APPLICATION_STATE_LABELS[application.state]}</Chip>
        </h2>
        <dl className="application-facts">
          <div>
            <dt>Started</dt>
            <dd>{formatDateTime(new Date(application.createdAt), zone)}</dd>
          </div>
          {application.submittedAt ? (
            <div>
              <dt>Submitted</dt>
              <dd>{formatDateTime(new Date(application.submittedAt), zone)}</dd>
            </div>
          ) : null}
          {application.withdrawnAt ? (
            <div>
              <dt>Withdrawn</dt>
              <dd>{formatDateTime(new Date(application.withdrawnAt), zone)}</dd>
            </div>
          ) : null}
          <div>
            <dt>Last changed</dt>
            <dd>{formatDateTime(new Date(application.updatedAt), zone)}</dd>
          </div>
        </dl>
        {editable ? (
          <p className="actions">
            <Link href={pagePaths.apply(application.project.slug)} className="button button-primary">
              {application.state === "withdrawn" ? "Apply again" : "Edit the application"}
            </Link>
          </p>
        ) : null}
        {mine || !form ? null : (
          <p className="muted small">You read this application as a mentor of the project or an admin of the program; only its applicant can change it.</p>
        )}
      </section>
      <ApplicationView application={application} questions={form?.questions ?? null} />
    </>
  );
}

/** `/applications/:application`: one application as written, for its applicant, the project's mentors and the program's admins. */
export function ApplicationPage({ application: id }: { application: string }) {
  const { session } = useSession();
  // A visitor is sent to sign in: asking for the application first would only earn a 401.
  const application = useApi<Application>(session.status === "signed-in" ? applicationApi.application(id) : null);
  const data = application.data;
  // The project's questions give each answer its prompt; the form is the one read that carries them.
  const form = useApi<ApplicationForm>(data ? applicationApi.form(data.project.slug) : null);
  useDocumentTitle(application.error?.notFound ? "Not found" : data ? `Application to ${data.project.title}` : "Application");
  return (
    <RequireSignIn title="Application">
      {() => {
        if (application.error?.notFound) return <NotFoundPage what="application" detail={application.error.message} />;
        if (!data)
          return (
            <div className="page">
              <h1>Application</h1>
              {application.error ? <ErrorPanel error={application.error} onRetry={application.reload} /> : <Loading what="the application" />}
            </div>
          );
        const mine = form.data?.application?.id === data.id;
        return (
          <div className="page narrow application-page">
            <Breadcrumbs
              items={[
                ...(mine ? [{ label: "My applications", href: pagePaths.myApplications() }] : [{ label: "Programs", href: pagePaths.home() }]),
                { label: data.project.title, href: pagePaths.project(data.project.slug) },
                { label: "Application" },
              ]}
            />
            <header className="page-head">
              <p className="eyebrow">
                Application · {data.project.organization.name} · {data.term.title}
              </p>
              <h1>Application to {data.project.title}</h1>
            </header>
            {/* The applicant knows who they are: their readers (mentors, admins) see the profile first. */}
            {mine ? null : <ApplicantProfile application={data.id} />}
            {/* Only the project's mentors and the program's admins read an application not their own, and they review it. */}
            {/* Keyed by the application: after J or K nothing of the previous review (its score, its message) is shown or written to. */}
            {mine || !form.data ? null : <ReviewPanel key={data.id} application={data.id} project={data.project.slug} />}
            <ApplicationRead application={data} form={form.data} />
          </div>
        );
      }}
    </RequireSignIn>
  );
}
