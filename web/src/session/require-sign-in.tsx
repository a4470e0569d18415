import type { ReactNode } from "react";
import { Redirect } from "wouter";
import { Loading } from "../components/load-states.tsx";
import { withNext } from "./return-path.ts";
import { type Me, useSession } from "./session.tsx";

/** Shows `children` to a signed-in person; a visitor is sent to sign in and brought back here afterwards. */
export function RequireSignIn({ title, children }: { title: string; children: (me: Me) => ReactNode }) {
  const { session } = useSession();
  if (session.status === "loading") {
    return (
      <div className="page">
        <h1>{title}</h1>
        <Loading what="your account" />
      </div>
    );
  }
  if (session.status === "visitor") {
    const here = `${window.location.pathname}${window.location.search}`;
    return <Redirect to={withNext("/sign-in", here)} replace />;
  }
  return <>{children(session.me)}</>;
}
