/** The API paths of the admins' mentorship pages. */
export const programMentorshipApi = {
  mentorships: (program: string) => `/api/programs/${encodeURIComponent(program)}/mentorships`,
  questions: (program: string) => `/api/programs/${encodeURIComponent(program)}/evaluation-questions`,
  installments: (program: string, state = "") => `/api/programs/${encodeURIComponent(program)}/installments${state ? `?state=${state}` : ""}`,
  approve: (program: string) => `/api/programs/${encodeURIComponent(program)}/installments/approve`,
  export: (program: string) => `/api/programs/${encodeURIComponent(program)}/installments/export`,
  payments: (program: string) => `/api/programs/${encodeURIComponent(program)}/installments/payments`,
  importPayments: (program: string) => `/api/programs/${encodeURIComponent(program)}/installments/payments/import`,
};
