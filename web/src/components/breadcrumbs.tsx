import { Link } from "wouter";

/** One step of the trail: a label and, except for the page itself, where it leads. */
export interface Crumb {
  label: string;
  href?: string;
}

/** The trail from the programs list to this page, so a visitor landing from a link knows where they are. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {items.map((item) => (
          <li key={`${item.label}|${item.href ?? ""}`}>
            {item.href ? <Link href={item.href}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
