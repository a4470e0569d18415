import { Link, useLocation } from "wouter";

/** A row of links between the pages of one area (account, admin), the current one marked. */
export function TabsNav({ label, tabs }: { label: string; tabs: Array<{ href: string; label: string }> }) {
  const [location] = useLocation();
  return (
    <nav className="tabs" aria-label={label}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={location === tab.href ? "page" : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
