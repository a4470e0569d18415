import { useEffect, useState } from "react";

/** The `token` of the address's fragment (`#token=…`), where email links carry it; null when absent. */
export function fragmentToken(hash: string = window.location.hash): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return token && token.length > 0 ? token : null;
}

/** Removes the fragment from the address bar and history once its token is used up. */
export function dropFragment(): void {
  if (window.location.hash) history.replaceState(history.state, "", `${window.location.pathname}${window.location.search}`);
}

/** The email a previous page handed over in the history state (never in the URL, which servers log). */
export function emailFromHistory(): string {
  const state: unknown = history.state;
  return state && typeof state === "object" && "email" in state && typeof state.email === "string" ? state.email : "";
}

/**
 * The token of the fragment, kept once read (the page removes it from the address when used)
 * and replaced when a new link opens in the same tab, which changes only the fragment.
 */
export function useFragmentToken(): [string | null, (token: string | null) => void] {
  const [token, setToken] = useState(() => fragmentToken());
  useEffect(() => {
    const onHashChange = () => {
      const next = fragmentToken();
      if (next) setToken(next);
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);
  return [token, setToken];
}
