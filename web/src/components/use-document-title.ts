import { useEffect } from "react";

/** Sets the browser tab's title, e.g. "Harbor CLI · Cohort", so history and tabs say where they lead. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · Cohort` : "Cohort";
  }, [title]);
}
