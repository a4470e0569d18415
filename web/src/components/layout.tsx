import { type ReactNode, useEffect, useRef } from "react";
import { Link, useLocation } from "wouter";
import { describeZone, viewerTimeZone } from "../time/zones.ts";

/**
 * The frame of every page: a skip link, the header, one <main> and the footer. After a
 * client-side navigation it moves focus to <main> and scrolls to the top, as a full page
 * load would, so keyboard and screen reader users start at the new content.
 */
export function Layout({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // The location is read so the effect runs on every change of path.
    void location;
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [location]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Cohort
          </Link>
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <Link href="/" aria-current={location === "/" ? "page" : undefined}>
                  Programs
                </Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Times are shown in your time zone, {describeZone(viewerTimeZone())}, with the term's own zone beside them. Cohort runs open source mentorship
          programs.
        </p>
      </footer>
    </>
  );
}
