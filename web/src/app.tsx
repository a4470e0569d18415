import { Suspense } from "react";
import { Route, Switch } from "wouter";
import { Layout } from "./components/layout.tsx";
import { Loading } from "./components/load-states.tsx";
import {
  AccountPage,
  AdminAuditPage,
  AdminOutboxPage,
  AdminPeoplePage,
  InvitationPage,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
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

/** The pages and their addresses; anything else is "not found". Account and admin pages load on demand. */
export function App() {
  return (
    <SessionProvider>
      <Layout>
        <Suspense fallback={<PageLoading />}>
          <Switch>
            <Route path="/">
              <ProgramsPage />
            </Route>
            <Route path="/programs/:program">{(params) => <ProgramPage key={params.program} program={params.program} />}</Route>
            <Route path="/terms/:term/projects">{(params) => <CatalogPage key={params.term} term={params.term} />}</Route>
            <Route path="/terms/:term">{(params) => <TermPage key={params.term} term={params.term} />}</Route>
            <Route path="/projects/:project">{(params) => <ProjectPage key={params.project} project={params.project} />}</Route>
            <Route path="/sign-in">
              <SignInPage />
            </Route>
            <Route path="/sign-up">
              <SignUpPage />
            </Route>
            <Route path="/verify-email">
              <VerifyEmailPage />
            </Route>
            <Route path="/reset-password">
              <ResetPasswordPage />
            </Route>
            <Route path="/invitations">
              <InvitationPage />
            </Route>
            <Route path="/account">
              <AccountPage />
            </Route>
            <Route path="/account/tokens">
              <TokensPage />
            </Route>
            <Route path="/admin/:program/audit">{(params) => <AdminAuditPage key={params.program} program={params.program} />}</Route>
            <Route path="/admin/:program/outbox">{(params) => <AdminOutboxPage key={params.program} program={params.program} />}</Route>
            <Route path="/admin/:program">{(params) => <AdminPeoplePage key={params.program} program={params.program} />}</Route>
            <Route>
              <NotFoundPage />
            </Route>
          </Switch>
        </Suspense>
      </Layout>
    </SessionProvider>
  );
}
