/** Paths of the applicant's API routes, built in one place. */
export const applicationApi = {
  form: (project: string) => `/api/projects/${encodeURIComponent(project)}/application`,
  submit: (project: string) => `/api/projects/${encodeURIComponent(project)}/application/submit`,
  application: (id: number | string) => `/api/applications/${encodeURIComponent(String(id))}`,
  withdraw: (id: number | string) => `/api/applications/${encodeURIComponent(String(id))}/withdraw`,
  mine: () => "/api/me/applications",
  myRanking: (term: string) => `/api/terms/${encodeURIComponent(term)}/my-ranking`,
  accept: (id: number) => `/api/applications/${id}/offer/accept`,
  decline: (id: number) => `/api/applications/${id}/offer/decline`,
};
