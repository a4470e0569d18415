import { SOFT_CAP_REACHED_LABEL } from "../../../src/domain/applicant-bands.ts";
import type { ApplicantCount } from "../../../src/schemas/application.ts";
import { Chip } from "../components/chip.tsx";

/** How crowded a project is, in its public band, and a chip when its mentors' cap closed it to new applications. */
export function ApplicantBand({ applicants, capReached }: { applicants: ApplicantCount; capReached: boolean }) {
  return (
    <span className="applicant-band">
      <span>{applicants.label}</span>
      {capReached ? (
        <>
          {" "}
          <Chip tone="closed">{SOFT_CAP_REACHED_LABEL}</Chip>
        </>
      ) : null}
    </span>
  );
}
