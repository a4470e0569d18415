import { Link } from "wouter";
import type { ProjectCard as ProjectCardData } from "../../../src/schemas/catalog.ts";
import { pagePaths } from "../api/paths.ts";
import { countOf } from "../text.ts";
import { ApplicantBand } from "./applicant-band.tsx";

/** One project in the catalog: title, organization, a summary, skills, mentors, slots and how crowded it is. */
export function ProjectCard({ project, selectedSkills }: { project: ProjectCardData; selectedSkills: string[] }) {
  const mentors = project.mentors.map((mentor) => (mentor.handle ? `@${mentor.handle}` : mentor.name));
  return (
    <article className="card project-card">
      <h3 className="card-title">
        <Link href={pagePaths.project(project.slug)}>{project.title}</Link>
      </h3>
      <p className="card-org">{project.organization.name}</p>
      {project.summary ? <p className="card-summary">{project.summary}</p> : null}
      {project.skills.length > 0 ? (
        <ul className="skill-chips" aria-label="Skills">
          {project.skills.map((skill) => (
            <li key={skill.tag} className={selectedSkills.includes(skill.tag) ? "skill skill-selected" : "skill"}>
              {skill.label}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="card-meta">
        {mentors.length > 0 ? <span>Mentors: {mentors.join(", ")}</span> : <span>No mentor named yet</span>}
        <span>{countOf(project.slots, "slot", "slots")}</span>
        <ApplicantBand applicants={project.applicants} capReached={project.capReached} />
      </p>
    </article>
  );
}
