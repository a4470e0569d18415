/**
 * How crowded a project is, in the coarse bands the public sees: the exact number of
 * applications stays with mentors and admins, while applicants can still spread to less
 * crowded projects.
 */
export const APPLICANT_BANDS = ["fewer_than_5", "5_to_20", "over_20"] as const;

/** One applicant band. */
export type ApplicantBand = (typeof APPLICANT_BANDS)[number];

/** The words for each band, as the catalog and project page show them. */
export const APPLICANT_BAND_LABELS: Record<ApplicantBand, string> = {
  fewer_than_5: "Fewer than 5 applicants",
  "5_to_20": "5–20 applicants",
  over_20: "Over 20 applicants",
};

/** The band of a number of submitted applications. */
export function applicantBand(submitted: number): ApplicantBand {
  if (submitted < 5) return "fewer_than_5";
  if (submitted <= 20) return "5_to_20";
  return "over_20";
}

/** True when a project's soft cap is reached: with this many submitted applications it takes no new one (an applicant already there may still edit). */
export function softCapReached(submitted: number, applicationCap: number | null): boolean {
  return applicationCap !== null && submitted >= applicationCap;
}

/** What the catalog and the project page say of a project whose soft cap is reached. */
export const SOFT_CAP_REACHED_LABEL = "Closed to new applications (mentors’ limit reached)";
