import { Link } from "wouter";
import type { SimilarProject } from "../../../src/schemas/catalog.ts";
import { pagePaths } from "../api/paths.ts";

/** Up to three projects of the term that share skills with this one and have fewer applicants, so applicants can spread out. */
export function SimilarProjects({ similar }: { similar: readonly SimilarProject[] }) {
  if (similar.length === 0) return null;
  return (
    <section aria-labelledby="similar-heading">
      <h2 id="similar-heading">Similar projects with fewer applicants</h2>
      <ul className="link-list similar-projects">
        {similar.map((project) => (
          <li key={project.slug}>
            <Link href={pagePaths.project(project.slug)}>{project.title}</Link>
            <span className="muted small">
              {" "}
              · {project.organization.name} · {project.applicants.label} · shares {project.sharedSkills.map((skill) => skill.label).join(", ")}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
