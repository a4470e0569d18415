/**
 * The catalog's outline while its first answer is on the way: grey blocks where the facets
 * and the project cards will be, so the page neither jumps nor claims "none" before it knows.
 * Screen readers hear one "Loading projects…" instead of the blocks.
 */
export function CatalogSkeleton({ part }: { part: "facets" | "results" }) {
  if (part === "facets") {
    return (
      <div className="skeleton" aria-hidden="true">
        {["skills", "organizations"].map((group) => (
          <div key={group} className="skeleton-facet">
            <span className="skeleton-line skeleton-heading" />
            {[0, 1, 2, 3, 4].map((row) => (
              <span key={row} className="skeleton-line" />
            ))}
          </div>
        ))}
      </div>
    );
  }
  return (
    <>
      {/* The class "loading" is what every loading state has, so whoever waits for the page waits for this too. */}
      <p className="loading visually-hidden" role="status">
        Loading projects…
      </p>
      <ol className="result-list skeleton" aria-hidden="true">
        {[0, 1, 2, 3, 4, 5].map((card) => (
          <li key={card} className="card skeleton-card">
            <span className="skeleton-line skeleton-heading" />
            <span className="skeleton-line" />
            <span className="skeleton-line skeleton-short" />
          </li>
        ))}
      </ol>
    </>
  );
}
