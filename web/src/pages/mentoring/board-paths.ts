/** The API paths of the mentors' and admins' side of applications, built in one place. */
export const boardApi = {
  mentoring: () => "/api/me/mentoring",
  settings: (project: string) => `/api/projects/${encodeURIComponent(project)}/application-settings`,
  projectApplications: (project: string) => `/api/projects/${encodeURIComponent(project)}/applications`,
  applicant: (application: number) => `/api/applications/${application}/applicant`,
  reviewQueue: (project: string) => `/api/projects/${encodeURIComponent(project)}/review`,
  shortlist: (project: string) => `/api/projects/${encodeURIComponent(project)}/shortlist`,
  restNotShortlisted: (project: string) => `/api/projects/${encodeURIComponent(project)}/review/not-shortlisted`,
  review: (application: number) => `/api/applications/${application}/review`,
  score: (application: number) => `/api/applications/${application}/review/score`,
  mark: (application: number) => `/api/applications/${application}/review/mark`,
  notes: (application: number) => `/api/applications/${application}/review/notes`,
  conflict: (application: number) => `/api/applications/${application}/review/conflict`,
  termApplications: (term: string, search: string) => `/api/terms/${encodeURIComponent(term)}/applications${search ? `?${search}` : ""}`,
  termApplicationsCsv: (term: string, search: string) => `/api/terms/${encodeURIComponent(term)}/applications.csv${search ? `?${search}` : ""}`,
};

/** The page paths of the mentors' and admins' side of applications. */
export const boardPages = {
  mentoring: () => "/mentoring",
  projectApplications: (project: string) => `/projects/${encodeURIComponent(project)}/applications`,
  termApplications: (program: string, term: string, search = "") =>
    `/admin/${encodeURIComponent(program)}/terms/${encodeURIComponent(term)}/applications${search ? `?${search}` : ""}`,
};
