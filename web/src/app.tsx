import { Route, Switch } from "wouter";
import { Layout } from "./components/layout.tsx";
import { CatalogPage } from "./pages/catalog-page.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";
import { ProgramPage } from "./pages/program-page.tsx";
import { ProgramsPage } from "./pages/programs-page.tsx";
import { ProjectPage } from "./pages/project-page.tsx";
import { TermPage } from "./pages/term-page.tsx";

/** The public pages and their addresses; anything else is "not found". */
export function App() {
  return (
    <Layout>
      <Switch>
        <Route path="/">
          <ProgramsPage />
        </Route>
        <Route path="/programs/:program">{(params) => <ProgramPage key={params.program} program={params.program} />}</Route>
        <Route path="/terms/:term/projects">{(params) => <CatalogPage key={params.term} term={params.term} />}</Route>
        <Route path="/terms/:term">{(params) => <TermPage key={params.term} term={params.term} />}</Route>
        <Route path="/projects/:project">{(params) => <ProjectPage key={params.project} project={params.project} />}</Route>
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </Layout>
  );
}
