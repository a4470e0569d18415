import { useEffect, useId, useRef, useState } from "react";
import { Link, useLocation } from "wouter";
import { sendJson } from "../api/send-json.ts";
import { type Me, useSession } from "../session/session.tsx";

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0] ?? "")
    .join("");
  return (letters.length > 2 ? `${letters[0]}${letters[letters.length - 1]}` : letters).toUpperCase() || "?";
}

/**
 * The signed-in person's menu in the header: a button with their name that opens a list of
 * links (account, API tokens, the admin pages of each program they run) and "Sign out".
 * Escape or a click elsewhere closes it; focus returns to the button on Escape.
 */
export function AccountMenu({ me }: { me: Me }) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [location, navigate] = useLocation();
  const { signedOut, announce } = useSession();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const adminOf = me.roles.filter((role) => role.role === "program_admin");

  useEffect(() => {
    // A new page closes the menu.
    void location;
    setOpen(false);
  }, [location]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onFocus = (event: FocusEvent) => {
      if (root.current && event.target instanceof Node && !root.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    document.addEventListener("focusin", onFocus);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("focusin", onFocus);
    };
  }, [open]);

  const signOut = () => {
    setSigningOut(true);
    const done = () => {
      setSigningOut(false);
      signedOut();
      announce("You are signed out of this browser.", "/");
      navigate("/");
    };
    // Signed out either way: a failure means the session had already ended.
    sendJson("POST", "/api/auth/signout").then(done, done);
  };

  return (
    <div className="account-menu" ref={root}>
      <button type="button" className="account-button" ref={button} aria-expanded={open} aria-controls={listId} onClick={() => setOpen((value) => !value)}>
        <span className="avatar" aria-hidden="true">
          {initials(me.name)}
        </span>
        <span className="account-name">{me.name}</span>
        <span className="visually-hidden">, account menu</span>
        <span className="caret" aria-hidden="true" />
      </button>
      <div id={listId} className="menu-panel" hidden={!open}>
        <p className="menu-who small muted">{me.email ?? me.name}</p>
        <ul>
          <li>
            <Link href="/account">Account</Link>
          </li>
          <li>
            <Link href="/account/tokens">API tokens</Link>
          </li>
          {me.roles.some((role) => role.role === "mentor") ? (
            <li>
              <Link href="/mentoring">Mentoring</Link>
            </li>
          ) : null}
          {adminOf.map((role) => (
            <li key={role.program.slug}>
              <Link href={`/admin/${encodeURIComponent(role.program.slug)}`}>Admin of {role.program.name}</Link>
            </li>
          ))}
          <li className="menu-separated">
            <button type="button" className="menu-item-button" onClick={signOut} disabled={signingOut}>
              {signingOut ? "Signing out…" : "Sign out"}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
