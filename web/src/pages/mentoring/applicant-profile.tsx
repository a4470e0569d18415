import type { ApplicantProfile as ApplicantProfileData } from "../../../../src/schemas/application-board.ts";
import { useApi } from "../../api/use-api.ts";
import { boardApi } from "./board-paths.ts";
import "./mentoring.css";

/**
 * Who sent an application, as its project's mentors and the program's admins read it beside the
 * letter: name, pronouns, GitHub, where they are, skills and links. Nothing shows while it loads or
 * when the reader may not see it.
 */
export function ApplicantProfile({ application }: { application: number }) {
  const profile = useApi<ApplicantProfileData>(boardApi.applicant(application));
  const data = profile.data;
  if (!data) return null;
  const facts: Array<[string, string | null]> = [
    ["Pronouns", data.pronouns],
    ["Country", data.country],
    ["Time zone", data.timeZone],
    ["Skills", data.skills.length > 0 ? data.skills.join(", ") : null],
  ];
  const given = facts.filter((fact): fact is [string, string] => fact[1] !== null && fact[1] !== "");
  if (given.length === 0 && !data.githubUrl && !data.portfolioUrl && !data.cvUrl) {
    return (
      <section className="panel applicant-profile" aria-labelledby="applicant-heading">
        <h2 id="applicant-heading">Applicant: {data.name}</h2>
        <p className="muted">Their profile gives no pronouns, GitHub handle, country, skills or links.</p>
      </section>
    );
  }
  return (
    <section className="panel applicant-profile" aria-labelledby="applicant-heading">
      <h2 id="applicant-heading">Applicant: {data.name}</h2>
      <dl className="applicant-facts">
        {given.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {data.githubUrl ? (
          <div>
            <dt>GitHub</dt>
            <dd>
              <a href={data.githubUrl} rel="noopener noreferrer">
                @{data.githubHandle}
              </a>
            </dd>
          </div>
        ) : null}
        {data.portfolioUrl ? (
          <div>
            <dt>Portfolio</dt>
            <dd>
              <a href={data.portfolioUrl} rel="noopener noreferrer">
                {data.portfolioUrl}
              </a>
            </dd>
          </div>
        ) : null}
        {data.cvUrl ? (
          <div>
            <dt>CV</dt>
            <dd>
              <a href={data.cvUrl} rel="noopener noreferrer">
                {data.cvUrl}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
