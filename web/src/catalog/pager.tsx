import { Link } from "wouter";

/** The page numbers to show: the first, the last, and two on each side of the current one, with gaps as null. */
export function pageWindow(current: number, last: number): Array<number | null> {
  const pages: Array<number | null> = [];
  for (let page = 1; page <= last; page++) {
    if (page === 1 || page === last || Math.abs(page - current) <= 2) pages.push(page);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}

/** Previous, numbered and next page links; each is a real link so a page of results can be shared. */
export function Pager({ page, last, hrefFor }: { page: number; last: number; hrefFor(page: number): string }) {
  if (last <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages of results">
      <ul>
        <li>
          {page > 1 ? (
            <Link href={hrefFor(page - 1)} rel="prev">
              ← Previous
            </Link>
          ) : (
            <span className="pager-disabled" aria-hidden="true">
              ← Previous
            </span>
          )}
        </li>
        {pageWindow(page, last).map((number, index) =>
          number === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity but their place.
            <li key={`gap-${index}`} className="pager-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={number}>
              <Link href={hrefFor(number)} aria-current={number === page ? "page" : undefined} aria-label={`Page ${number}`}>
                {number}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < last ? (
            <Link href={hrefFor(page + 1)} rel="next">
              Next →
            </Link>
          ) : (
            <span className="pager-disabled" aria-hidden="true">
              Next →
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
