import type { ReactNode } from "react";
import { Notice } from "../forms/form-error.tsx";

/**
 * What a page says instead of "we sent a link" on a server without SMTP: nothing went out, and
 * the link waits in the outbox, where the operator reads it with `cohort outbox`.
 */
export function NoEmailNotice({ title, link, children }: { title: string; link: string; children?: ReactNode }) {
  return (
    <Notice tone="info" title={title}>
      <p>
        This server sends no email yet: ask its operator for {link}. They can read it with <code>cohort outbox</code>.
      </p>
      {children}
    </Notice>
  );
}
