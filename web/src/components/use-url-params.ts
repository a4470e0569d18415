import { useCallback } from "react";
import { useLocation, useSearch } from "wouter";

/**
 * The page's query string as state, so every filter, sort and page lives in the URL (linkable,
 * kept on reload and by Back). `change` sets or drops (null, "") named values and keeps the others.
 */
export function useUrlParams(): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const change = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(search);
      for (const [name, value] of Object.entries(changes)) {
        if (value === null || value === "") next.delete(name);
        else next.set(name, value);
      }
      const query = next.toString();
      navigate(query ? `${location}?${query}` : location);
    },
    [search, location, navigate],
  );
  return [new URLSearchParams(search), change];
}
