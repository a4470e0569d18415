/** The API paths of a mentorship's page. */
export const mentorshipApi = {
  mentorship: (id: number | string) => `/api/mentorships/${encodeURIComponent(String(id))}`,
  extension: (id: number) => `/api/mentorships/${id}/extension`,
  assignments: (id: number) => `/api/mentorships/${id}/assignments`,
  evaluations: (id: number) => `/api/mentorships/${id}/evaluations`,
  report: (id: number) => `/api/mentorships/${id}/report`,
  alumni: (id: number) => `/api/mentorships/${id}/alumni`,
  end: (id: number) => `/api/mentorships/${id}/end`,
  mine: () => "/api/me/mentorships",
};
