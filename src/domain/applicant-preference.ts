/** What an applicant's order of preference is read from: their own rank of an application, else when they submitted it. */
export interface PreferenceInputs {
  id: number;
  /** The applicant's own place for it, from 1; null when they ranked none. */
  applicantRank: number | null;
  submittedAt: string | null;
}

/**
 * Orders one applicant's applications of a term as they prefer them (WORKFLOW.md, "Review and
 * selection"): their own ranking, then the order of submission, then the application's id.
 */
export function byApplicantPreference(a: PreferenceInputs, b: PreferenceInputs): number {
  return (
    (a.applicantRank ?? Number.POSITIVE_INFINITY) - (b.applicantRank ?? Number.POSITIVE_INFINITY) ||
    (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "") ||
    a.id - b.id
  );
}
