import { Link } from "wouter";
import type { TermAlumniResponse } from "../../../src/schemas/mentorship.ts";
import { pagePaths } from "../api/paths.ts";
import { useApi } from "../api/use-api.ts";

/** A term's alumni on its public page: completed mentees who chose to be listed, by name and project; nothing when there are none. */
export function TermAlumni({ term }: { term: string }) {
  const found = useApi<TermAlumniResponse>(`/api/terms/${encodeURIComponent(term)}/alumni`);
  const items = found.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="alumni-heading">
      <h2 id="alumni-heading">Alumni</h2>
      <p className="muted small">Mentees who completed this term, listed with their consent.</p>
      <ul className="link-list">
        {items.map((item) => (
          <li key={`${item.name}-${item.projectSlug}`}>
            <strong>{item.name}</strong> · <Link href={pagePaths.project(item.projectSlug)}>{item.project}</Link>{" "}
            <span className="muted small">({item.organization})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
