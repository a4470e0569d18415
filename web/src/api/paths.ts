/** Paths of the public JSON API, built in one place so a renamed route changes one file. */
export const apiPaths = {
  programs: () => "/api/programs",
  programTerms: (program: string) => `/api/programs/${encodeURIComponent(program)}/terms`,
  term: (term: string) => `/api/terms/${encodeURIComponent(term)}`,
  termSummary: (term: string) => `/api/terms/${encodeURIComponent(term)}/summary`,
  termProjects: (term: string, search: string) => `/api/terms/${encodeURIComponent(term)}/projects${search ? `?${search}` : ""}`,
  project: (project: string) => `/api/projects/${encodeURIComponent(project)}`,
  server: () => "/api/server",
};

/** Paths of the pages, so links and tests agree on one spelling. */
export const pagePaths = {
  home: () => "/",
  program: (program: string) => `/programs/${encodeURIComponent(program)}`,
  term: (term: string) => `/terms/${encodeURIComponent(term)}`,
  catalog: (term: string, search = "") => `/terms/${encodeURIComponent(term)}/projects${search ? `?${search}` : ""}`,
  project: (project: string) => `/projects/${encodeURIComponent(project)}`,
  apply: (project: string) => `/projects/${encodeURIComponent(project)}/apply`,
  myApplications: () => "/applications",
  application: (id: number | string) => `/applications/${encodeURIComponent(String(id))}`,
};
