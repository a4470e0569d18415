import type { ReactNode } from "react";
import { Link } from "wouter";
import { pagePaths } from "../../api/paths.ts";
import { TabsNav } from "../../components/tabs-nav.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { RequireSignIn } from "../../session/require-sign-in.tsx";
import type { Me } from "../../session/session.tsx";

/** Paths of a program's admin pages. */
export const adminPaths = {
  people: (program: string) => `/admin/${encodeURIComponent(program)}`,
  audit: (program: string, search = "") => `/admin/${encodeURIComponent(program)}/audit${search ? `?${search}` : ""}`,
  outbox: (program: string, search = "") => `/admin/${encodeURIComponent(program)}/outbox${search ? `?${search}` : ""}`,
  settings: (program: string) => `/admin/${encodeURIComponent(program)}/settings`,
  mentorships: (program: string) => `/admin/${encodeURIComponent(program)}/mentorships`,
  stipends: (program: string) => `/admin/${encodeURIComponent(program)}/stipends`,
  eligibility: (program: string) => `/admin/${encodeURIComponent(program)}/eligibility`,
  organizations: (program: string, search = "") => `/admin/${encodeURIComponent(program)}/organizations${search ? `?${search}` : ""}`,
  terms: (program: string) => `/admin/${encodeURIComponent(program)}/terms`,
  newTerm: (program: string) => `/admin/${encodeURIComponent(program)}/new-term`,
  term: (program: string, term: string) => `/admin/${encodeURIComponent(program)}/terms/${encodeURIComponent(term)}`,
};

function programName(me: Me, program: string): string | null {
  return me.roles.find((role) => role.role === "program_admin" && role.program.slug === program)?.program.name ?? null;
}

/**
 * The frame of a program's admin pages: the heading, the links between them, and a plain
 * explanation instead of the page for someone who is not an admin of the program.
 */
export function AdminFrame({ program, title, children }: { program: string; title: string; children: (me: Me) => ReactNode }) {
  useDocumentTitle(`${title} · Admin`);
  return (
    <RequireSignIn title={title}>
      {(me) => {
        const name = programName(me, program);
        return (
          <div className="page admin-page">
            <p className="eyebrow">Admin · {name ?? program}</p>
            <h1>{title}</h1>
            {name ? (
              <>
                <TabsNav
                  label={`Admin of ${name}`}
                  tabs={[
                    { href: adminPaths.people(program), label: "People and roles" },
                    { href: adminPaths.organizations(program), label: "Organizations" },
                    { href: adminPaths.terms(program), label: "Terms" },
                    { href: adminPaths.eligibility(program), label: "Eligibility" },
                    { href: adminPaths.audit(program), label: "Audit log" },
                    { href: adminPaths.outbox(program), label: "Email outbox" },
                    { href: adminPaths.mentorships(program), label: "Mentorships" },
                    { href: adminPaths.stipends(program), label: "Stipends" },
                    { href: adminPaths.settings(program), label: "Settings" },
                  ]}
                />
                {children(me)}
              </>
            ) : (
              <div className="error-panel" role="alert">
                <p>
                  <strong className="error-label">Not an admin:</strong> only the admins of this program see its admin pages. If you should be one, ask an admin
                  of the program to invite you.
                </p>
                <p>
                  <Link href={pagePaths.program(program)}>See the program's public page</Link>
                </p>
              </div>
            )}
          </div>
        );
      }}
    </RequireSignIn>
  );
}
