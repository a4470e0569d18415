import { type ReactNode, useEffect, useRef } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { pagePaths } from "../api/paths.ts";
import { Notice } from "../forms/form-error.tsx";
import { withNext } from "../session/return-path.ts";
import { useSession } from "../session/session.tsx";
import { describeZone, viewerTimeZone } from "../time/zones.ts";
import { AccountMenu } from "./account-menu.tsx";

/** Pages after which "Sign in" should not bring the person back. */
const AUTH_PAGES = ["/sign-in", "/sign-up", "/verify-email", "/reset-password"];

/** The header's right-hand side: "Sign in" for a visitor, the person's menu once signed in. */
function SessionControls() {
  const { session } = useSession();
  const [location] = useLocation();
  const search = useSearch();
  if (session.status === "loading") return <span className="session-placeholder" aria-hidden="true" />;
  if (session.status === "signed-in") return <AccountMenu me={session.me} />;
  // An invitation's token lives in the fragment: keep it, so signing in comes back to the invitation.
  const hash = location === "/invitations" ? window.location.hash : "";
  const next = AUTH_PAGES.includes(location) || location === "/" ? null : `${location}${search ? `?${search}` : ""}${hash}`;
  return (
    <Link href={withNext("/sign-in", next)} className="sign-in-link" aria-current={location === "/sign-in" ? "page" : undefined}>
      Sign in
    </Link>
  );
}

/**
 * The frame of every page: a skip link, the header, one <main> and the footer. After a
 * client-side navigation it moves focus to <main> and scrolls to the top, as a full page
 * load would, so keyboard and screen reader users start at the new content.
 */
export function Layout({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const { session, notice, clearNotice } = useSession();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // A message belongs to the page it was meant for: moving on removes it.
    if (notice && notice.path !== location) clearNotice();
  }, [location, notice, clearNotice]);
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
              {/* On a phone a signed-in person's header has no room for both links; the brand leads to the programs too. */}
              <li className={session.status === "signed-in" ? "nav-wide-only" : undefined}>
                <Link href="/" aria-current={location === "/" ? "page" : undefined}>
                  Programs
                </Link>
              </li>
              {session.status === "signed-in" ? (
                <li>
                  <Link href={pagePaths.myApplications()} aria-current={location === pagePaths.myApplications() ? "page" : undefined}>
                    My applications
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
          <div className="header-end">
            <SessionControls />
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {notice && notice.path === location ? (
          <div className="page page-notice">
            <Notice title={notice.text} />
          </div>
        ) : null}
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
