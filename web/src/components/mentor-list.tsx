import type { ProjectDetail } from "../../../src/schemas/catalog.ts";

function isGitHubUrl(url: string): boolean {
  return /^https:\/\/github\.com\/[A-Za-z0-9-]+\/?$/.test(url);
}

/** The project's mentors: name, GitHub profile, and the email only where the project's own term page published it. */
export function MentorList({ mentors }: { mentors: ProjectDetail["mentors"] }) {
  if (mentors.length === 0) return <p className="muted">No mentor named yet.</p>;
  return (
    <ul className="mentor-list">
      {mentors.map((mentor) => (
        <li key={`${mentor.name}|${mentor.handle ?? ""}`} className="mentor">
          <span className="mentor-name">{mentor.name}</span>
          {mentor.githubUrl && isGitHubUrl(mentor.githubUrl) ? (
            <span>
              <span className="mentor-label">GitHub </span>
              <a href={mentor.githubUrl} rel="noopener noreferrer">
                @{mentor.handle ?? mentor.githubUrl.replace(/^https:\/\/github\.com\//, "")}
                <span className="visually-hidden"> on GitHub</span>
              </a>
            </span>
          ) : mentor.handle ? (
            <span>
              <span className="mentor-label">GitHub </span>@{mentor.handle}
            </span>
          ) : null}
          {mentor.email ? (
            <span>
              <span className="mentor-label">Email </span>
              <a href={`mailto:${mentor.email}`}>{mentor.email}</a>
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
