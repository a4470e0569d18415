import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { MeResponse } from "../../../src/schemas/account.ts";
import { setCsrfToken } from "../api/send-json.ts";

/** The signed-in person as GET /api/me answers. */
export type Me = MeResponse;

/** Who is looking at the page: not known yet, a visitor, or a signed-in person. */
export type Session = { status: "loading" } | { status: "visitor" } | { status: "signed-in"; me: Me };

/** A short message for the next page a person lands on, e.g. "You are signed out." */
export interface Notice {
  text: string;
  /** The page path it belongs to; it disappears when the person moves on. */
  path: string;
}

/** The session and the few things pages do with it. */
export interface SessionApi {
  session: Session;
  /** Reads GET /api/me again (after signing in, or a change of roles) and answers the person, or null. */
  refresh(): Promise<Me | null>;
  /** Forgets the person after signing out (the server has cleared the cookie). */
  signedOut(): void;
  notice: Notice | null;
  /** Shows a message on the page at `path` (usually the one about to be opened). */
  announce(text: string, path: string): void;
  /** Removes the message, once the person has moved on from its page. */
  clearNotice(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

async function loadMe(): Promise<Me | null> {
  const response = await fetch("/api/me", { headers: { accept: "application/json" } });
  // 401: a visitor. Anything else that is not 200 is treated as a visitor too: the page still works.
  if (!response.ok) return null;
  return (await response.json()) as Me;
}

/** Loads the session once (GET /api/me; 401 means a visitor) and shares it with every page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: "loading" });
  const [notice, setNotice] = useState<Notice | null>(null);

  const refresh = useCallback(async () => {
    let me: Me | null = null;
    try {
      me = await loadMe();
    } catch {
      me = null;
    }
    setCsrfToken(me?.csrfToken ?? null);
    setSession(me ? { status: "signed-in", me } : { status: "visitor" });
    return me;
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signedOut = useCallback(() => {
    setCsrfToken(null);
    setSession({ status: "visitor" });
  }, []);

  const announce = useCallback((text: string, path: string) => setNotice({ text, path }), []);
  const clearNotice = useCallback(() => setNotice(null), []);

  const value = useMemo(() => ({ session, refresh, signedOut, notice, announce, clearNotice }), [session, refresh, signedOut, notice, announce, clearNotice]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session and its actions; only inside SessionProvider. */
export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession needs a SessionProvider above it");
  return value;
}
