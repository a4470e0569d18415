/** Paths of the proposal API routes, built in one place. */
export const proposalApi = {
  create: (term: string) => `/api/terms/${encodeURIComponent(term)}/proposals`,
  proposal: (proposal: string) => `/api/proposals/${encodeURIComponent(proposal)}`,
  submit: (proposal: string) => `/api/proposals/${encodeURIComponent(proposal)}/submit`,
  withdraw: (proposal: string) => `/api/proposals/${encodeURIComponent(proposal)}/withdraw`,
  askAgain: (proposal: string, person: number) => `/api/proposals/${encodeURIComponent(proposal)}/mentors/${person}/ask-again`,
  mentorAnswer: (proposal: string) => `/api/proposals/${encodeURIComponent(proposal)}/mentor-answer`,
  lookUpConfirmation: () => "/api/mentor-confirmations/lookup",
  answerConfirmation: () => "/api/mentor-confirmations/answer",
  mine: () => "/api/me/proposals",
  skills: (query: string) => `/api/skills?${new URLSearchParams({ q: query }).toString()}`,
  board: (term: string, search = "") => `/api/terms/${encodeURIComponent(term)}/proposals${search ? `?${search}` : ""}`,
  accept: (proposal: string) => `/api/proposals/${encodeURIComponent(proposal)}/accept`,
  reject: (proposal: string) => `/api/proposals/${encodeURIComponent(proposal)}/reject`,
  requestChanges: (proposal: string) => `/api/proposals/${encodeURIComponent(proposal)}/request-changes`,
  approveChange: (proposal: string) => `/api/proposals/${encodeURIComponent(proposal)}/approve-change`,
  bulkAccept: (term: string) => `/api/terms/${encodeURIComponent(term)}/proposals/accept`,
  termPage: (term: string) => `/api/terms/${encodeURIComponent(term)}/page.md`,
  health: (term: string) => `/api/terms/${encodeURIComponent(term)}/health`,
};

/** Paths of the proposal pages. */
export const proposalPages = {
  proposal: (proposal: string) => `/proposals/${encodeURIComponent(proposal)}`,
  new: (term: string, organization?: string) =>
    `/terms/${encodeURIComponent(term)}/proposals/new${organization ? `?${new URLSearchParams({ organization }).toString()}` : ""}`,
  board: (program: string, term: string, search = "") =>
    `/admin/${encodeURIComponent(program)}/terms/${encodeURIComponent(term)}/proposals${search ? `?${search}` : ""}`,
  mentorConfirmation: (token: string) => `/mentor-confirmations#${new URLSearchParams({ token }).toString()}`,
};
