/** The API paths of a term's selection, built in one place. */
export const selectionApi = {
  selection: (term: string) => `/api/terms/${encodeURIComponent(term)}/selection`,
  runs: (term: string) => `/api/terms/${encodeURIComponent(term)}/selection/runs`,
  override: (term: string, application: number) => `/api/terms/${encodeURIComponent(term)}/selection/overrides/${application}`,
  csv: (term: string) => `/api/terms/${encodeURIComponent(term)}/selection.csv`,
  publish: (term: string) => `/api/terms/${encodeURIComponent(term)}/selection/publish`,
  notices: (term: string) => `/api/terms/${encodeURIComponent(term)}/selection/notices`,
  notice: (term: string, person: number) => `/api/terms/${encodeURIComponent(term)}/selection/notices/${person}`,
};

/** The page of a term's selection. */
export const selectionPage = (program: string, term: string) => `/admin/${encodeURIComponent(program)}/terms/${encodeURIComponent(term)}/selection`;
