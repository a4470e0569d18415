import { Link } from "wouter";
import type { CatalogFilter } from "./catalog-filter.ts";

/** What the catalog says when nothing matches: what was asked, and a way back to every project. */
export function EmptyResults({
  filter,
  clearHref,
  labelOf,
}: {
  filter: CatalogFilter;
  clearHref: string;
  labelOf(kind: "skill" | "org", name: string): string;
}) {
  const parts: string[] = [];
  if (filter.q) parts.push(`the words “${filter.q}”`);
  const skills = filter.skills.map((name) => labelOf("skill", name)).join(", ");
  if (filter.skills.length === 1) parts.push(`the skill ${skills}`);
  if (filter.skills.length > 1) parts.push(`every one of the skills ${skills}`);
  if (filter.orgs.length > 0)
    parts.push(`${filter.orgs.length === 1 ? "the organization" : "one of the organizations"} ${filter.orgs.map((name) => labelOf("org", name)).join(", ")}`);
  return (
    <div className="empty-state">
      <h3>No projects match</h3>
      {parts.length > 0 ? <p>No project of this term has {parts.join(" and ")}. Try fewer filters or other words.</p> : <p>This term has no projects yet.</p>}
      {parts.length > 0 ? (
        <p>
          <Link href={clearHref} className="button button-primary">
            Clear all filters
          </Link>
        </p>
      ) : null}
    </div>
  );
}
