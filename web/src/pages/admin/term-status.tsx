import type { ReactNode } from "react";
import { Chip } from "../../components/chip.tsx";

/** "Draft" as a chip, in words and shape. */
export function DraftChip() {
  return <Chip tone="closing">Draft</Chip>;
}

/** The banner of a draft term: who sees it now, and what publishing changes. */
export function DraftBanner({ children }: { children: ReactNode }) {
  return (
    <section className="draft-banner" aria-labelledby="draft-banner-heading">
      <h2 id="draft-banner-heading" className="draft-banner-title">
        Draft — only admins see it
      </h2>
      <p>
        Visitors, applicants and maintainers get “not found” for this term and its address until you publish it. Publishing makes its page and timeline public
        and fixes its slug.
      </p>
      {children}
    </section>
  );
}
