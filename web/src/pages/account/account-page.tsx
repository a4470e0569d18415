import { useState } from "react";
import { Link, useLocation } from "wouter";
import type { SignedOutEverywhereResponse, SignOutEverywhereBody } from "../../../../src/schemas/account.ts";
import { type ApiError, asApiError } from "../../api/api-error.ts";
import { pagePaths } from "../../api/paths.ts";
import { sendJson } from "../../api/send-json.ts";
import { Chip } from "../../components/chip.tsx";
import { useDocumentTitle } from "../../components/use-document-title.ts";
import { CheckboxField } from "../../forms/field.tsx";
import { FormError } from "../../forms/form-error.tsx";
import { RequireSignIn } from "../../session/require-sign-in.tsx";
import { ROLE_LABEL, ROLE_MEANING, roleScope } from "../../session/role-words.ts";
import { type Me, useSession } from "../../session/session.tsx";
import { AccountTabs } from "./account-tabs.tsx";
import { ProfileForm } from "./profile-form.tsx";

/** The person's roles, each with where it applies and what it lets them do. */
function RoleList({ me }: { me: Me }) {
  if (me.roles.length === 0) {
    return (
      <p>
        No roles yet. Program admins and maintainers invite people by email; the invitation's link adds the role here. Applicants need no role:{" "}
        <Link href="/">browse programs</Link>; each project's page says where its program takes applications.
      </p>
    );
  }
  return (
    <ul className="role-list">
      {me.roles.map((role) => (
        <li key={`${role.role}-${role.program.slug}-${role.organization?.slug ?? ""}-${role.project?.slug ?? ""}`} className="role-item">
          <p className="role-line">
            <Chip tone={role.role === "program_admin" ? "info" : "neutral"}>{ROLE_LABEL[role.role]}</Chip> <strong>{roleScope(role)}</strong>
          </p>
          <p className="muted small">{ROLE_MEANING[role.role]}</p>
          {role.role === "program_admin" ? (
            <p>
              <Link href={`/admin/${encodeURIComponent(role.program.slug)}`}>Open the admin pages of {role.program.name}</Link>
            </p>
          ) : role.project ? (
            <p>
              <Link href={pagePaths.project(role.project.slug)}>See the project page of {role.project.title}</Link>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * "Sign out everywhere": ends every session of the account, this one included, and revokes
 * the personal API tokens too when the person ticks the box (tokens outlive sessions otherwise).
 */
function SignOutEverywhere() {
  const { signedOut, announce } = useSession();
  const [, navigate] = useLocation();
  const [revokeTokens, setRevokeTokens] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = () => {
    setBusy(true);
    sendJson<SignedOutEverywhereResponse>("POST", "/api/auth/signout-everywhere", { revokeTokens } satisfies SignOutEverywhereBody).then(
      (answer) => {
        signedOut();
        announce(`${answer.message} Sign in again to continue.`, "/sign-in");
        navigate("/sign-in");
      },
      (caught: unknown) => {
        setBusy(false);
        setError(asApiError(caught));
      },
    );
  };
  return (
    <>
      <p>Lost a device, or signed in on a shared computer? This signs you out of every browser and device, this one included.</p>
      <FormError id="sign-out-everywhere" error={error} />
      <CheckboxField
        name="revoke-tokens"
        label="Also revoke all my API tokens"
        hint={
          <>
            Scripts that use them stop working until you <Link href="/account/tokens">create new ones</Link>. Leave it unticked to keep your tokens working.
          </>
        }
        checked={revokeTokens}
        onChange={(event) => setRevokeTokens(event.target.checked)}
      />
      <button type="button" className="button" onClick={run} disabled={busy}>
        {busy ? "Signing out…" : revokeTokens ? "Sign out everywhere and revoke tokens" : "Sign out everywhere"}
      </button>
    </>
  );
}

/** `/account`: the profile form, the person's roles, and signing out everywhere. */
export function AccountPage() {
  useDocumentTitle("Your account");
  const { refresh } = useSession();
  return (
    <RequireSignIn title="Your account">
      {(me) => (
        <div className="page narrow account-page">
          <h1>Your account</h1>
          <p className="lead">Signed in as {me.email ?? me.name}.</p>
          <AccountTabs />
          <section aria-labelledby="profile-heading">
            <h2 id="profile-heading">Profile</h2>
            <p className="visibility-legend">
              Each field says who can see it: <strong>Public</strong> means anyone, on the pages of projects you mentor; <strong>Mentors you apply to</strong>{" "}
              means the mentors of each project you apply to and its program's admins; <strong>Program admins</strong> means the admins of programs where you
              have a role; <strong>Only you</strong> means nobody else.
            </p>
            <ProfileForm me={me} onSaved={() => void refresh()} />
          </section>
          <section aria-labelledby="roles-heading">
            <h2 id="roles-heading">Your roles</h2>
            <RoleList me={me} />
          </section>
          <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">Sessions</h2>
            <SignOutEverywhere />
          </section>
        </div>
      )}
    </RequireSignIn>
  );
}
