import { Suspense } from "react";
import { Route, Switch } from "wouter";
import { WEB_PAGES } from "../../src/domain/web-pages.ts";
import { Layout } from "./components/layout.tsx";
import { Loading } from "./components/load-states.tsx";
import {
  AccountPage,
  AdminAuditPage,
  AdminEligibilityPage,
  AdminMentorshipsPage,
  AdminOrganizationsPage,
  AdminOutboxPage,
  AdminPeoplePage,
  AdminSettingsPage,
  AdminStipendsPage,
  AdminTermsPage,
  ApplicationPage,
  ApplyPage,
  InvitationPage,
  MentorConfirmationPage,
  MentoringPage,
  MentorshipPage,
  MyApplicationsPage,
  NewProposalPage,
  ProjectApplicationsPage,
  ProposalBoardPage,
  ProposalFormPage,
  ResetPasswordPage,
  SelectionPage,
  SignInPage,
  SignUpPage,
  TermApplicationsPage,
  TermNewPage,
  TermReportPage,
  TermSetupPage,
  TokensPage,
  VerifyEmailPage,
} from "./lazy-pages.ts";
import { CatalogPage } from "./pages/catalog-page.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";
import { ProgramPage } from "./pages/program-page.tsx";
import { ProgramsPage } from "./pages/programs-page.tsx";
import { ProjectPage } from "./pages/project-page.tsx";
import { TermPage } from "./pages/term-page.tsx";
import { SessionProvider } from "./session/session.tsx";

/** What shows while a page's code is on the way. */
function PageLoading() {
  return (
    <div className="page">
      <Loading what="the page" />
    </div>
  );
}

/**
 * The pages at their addresses (src/domain/web-pages.ts, which the server also reads to answer 404
 * for any other); anything else is "not found". Account and admin pages load on demand.
 */
export function App() {
  return (
    <SessionProvider>
      <Layout>
        <Suspense fallback={<PageLoading />}>
          <Switch>
            <Route path={WEB_PAGES.programs}>
              <ProgramsPage />
            </Route>
            <Route path={WEB_PAGES.program}>{(params) => <ProgramPage key={params.program} program={params.program} />}</Route>
            <Route path={WEB_PAGES.catalog}>{(params) => <CatalogPage key={params.term} term={params.term} />}</Route>
            <Route path={WEB_PAGES.term}>{(params) => <TermPage key={params.term} term={params.term} />}</Route>
            <Route path={WEB_PAGES.project}>{(params) => <ProjectPage key={params.project} project={params.project} />}</Route>
            <Route path={WEB_PAGES.apply}>{(params) => <ApplyPage key={params.project} project={params.project} />}</Route>
            <Route path={WEB_PAGES.myApplications}>
              <MyApplicationsPage />
            </Route>
            <Route path={WEB_PAGES.application}>{(params) => <ApplicationPage key={params.application} application={params.application} />}</Route>
            <Route path={WEB_PAGES.mentoring}>
              <MentoringPage />
            </Route>
            <Route path={WEB_PAGES.mentorship}>{(params) => <MentorshipPage key={params.mentorship} mentorship={params.mentorship} />}</Route>
            <Route path={WEB_PAGES.projectApplications}>{(params) => <ProjectApplicationsPage key={params.project} project={params.project} />}</Route>
            <Route path={WEB_PAGES.newProposal}>{(params) => <NewProposalPage key={params.term} term={params.term} />}</Route>
            <Route path={WEB_PAGES.proposal}>{(params) => <ProposalFormPage key={params.proposal} proposal={params.proposal} />}</Route>
            <Route path={WEB_PAGES.mentorConfirmation}>
              <MentorConfirmationPage />
            </Route>
            <Route path={WEB_PAGES.signIn}>
              <SignInPage />
            </Route>
            <Route path={WEB_PAGES.signUp}>
              <SignUpPage />
            </Route>
            <Route path={WEB_PAGES.verifyEmail}>
              <VerifyEmailPage />
            </Route>
            <Route path={WEB_PAGES.resetPassword}>
              <ResetPasswordPage />
            </Route>
            <Route path={WEB_PAGES.invitations}>
              <InvitationPage />
            </Route>
            <Route path={WEB_PAGES.account}>
              <AccountPage />
            </Route>
            <Route path={WEB_PAGES.tokens}>
              <TokensPage />
            </Route>
            <Route path={WEB_PAGES.adminApplications}>
              {(params) => <TermApplicationsPage key={`${params.program}/${params.term}`} program={params.program} term={params.term} />}
            </Route>
            <Route path={WEB_PAGES.adminSelection}>
              {(params) => <SelectionPage key={`${params.program}/${params.term}`} program={params.program} term={params.term} />}
            </Route>
            <Route path={WEB_PAGES.adminReport}>
              {(params) => <TermReportPage key={`${params.program}/${params.term}`} program={params.program} term={params.term} />}
            </Route>
            <Route path={WEB_PAGES.adminProposals}>
              {(params) => <ProposalBoardPage key={`${params.program}/${params.term}`} program={params.program} term={params.term} />}
            </Route>
            <Route path={WEB_PAGES.adminAudit}>{(params) => <AdminAuditPage key={params.program} program={params.program} />}</Route>
            <Route path={WEB_PAGES.adminOutbox}>{(params) => <AdminOutboxPage key={params.program} program={params.program} />}</Route>
            <Route path={WEB_PAGES.adminSettings}>{(params) => <AdminSettingsPage key={params.program} program={params.program} />}</Route>
            <Route path={WEB_PAGES.adminMentorships}>{(params) => <AdminMentorshipsPage key={params.program} program={params.program} />}</Route>
            <Route path={WEB_PAGES.adminStipends}>{(params) => <AdminStipendsPage key={params.program} program={params.program} />}</Route>
            <Route path={WEB_PAGES.adminEligibility}>{(params) => <AdminEligibilityPage key={params.program} program={params.program} />}</Route>
            <Route path={WEB_PAGES.adminOrganizations}>{(params) => <AdminOrganizationsPage key={params.program} program={params.program} />}</Route>
            <Route path={WEB_PAGES.adminTerms}>{(params) => <AdminTermsPage key={params.program} program={params.program} />}</Route>
            <Route path={WEB_PAGES.adminNewTerm}>{(params) => <TermNewPage key={params.program} program={params.program} />}</Route>
            <Route path={WEB_PAGES.adminTerm}>
              {(params) => <TermSetupPage key={`${params.program}/${params.term}`} program={params.program} term={params.term} />}
            </Route>
            <Route path={WEB_PAGES.adminPeople}>{(params) => <AdminPeoplePage key={params.program} program={params.program} />}</Route>
            <Route>
              <NotFoundPage />
            </Route>
          </Switch>
        </Suspense>
      </Layout>
    </SessionProvider>
  );
}
