import type { ReactNode } from "react";
import { Link } from "wouter";
import type { TermSummary } from "../../../src/schemas/catalog.ts";
import { pagePaths } from "../api/paths.ts";
import { DeadlineSummary } from "./deadline-summary.tsx";
import { TermStatusChip } from "./term-status-chip.tsx";

/**
 * A term as a card: its status chip, the next deadline with its countdown, and the two ways in
 * (its projects, its timeline). The programs page titles it with the program, the program page
 * with the term; `children` adds a footer.
 */
export function TermCard({
  term,
  title,
  as: Element = "article",
  className = "term-card",
  primary = false,
  children,
}: {
  term: TermSummary;
  /** The card's heading content; the term's title, linked, unless given. */
  title?: ReactNode;
  /** `li` when the cards form a list (a program's terms). */
  as?: "article" | "li";
  className?: string;
  /** Makes "Browse projects" the page's main action. */
  primary?: boolean;
  children?: ReactNode;
}) {
  const ownTitle = title === undefined;
  return (
    <Element className={`card ${className}`}>
      <h2 className="card-title">{ownTitle ? <Link href={pagePaths.term(term.slug)}>{term.title}</Link> : title}</h2>
      {ownTitle ? (
        <p>
          <TermStatusChip term={term} />
        </p>
      ) : (
        <p className="term-line">
          <Link href={pagePaths.term(term.slug)}>{term.title}</Link> <TermStatusChip term={term} />
        </p>
      )}
      <DeadlineSummary term={term} />
      <p className="actions">
        <Link href={pagePaths.catalog(term.slug)} className={primary ? "button button-primary" : "button"}>
          Browse projects<span className="visually-hidden"> of {term.title}</span>
        </Link>
        <Link href={pagePaths.term(term.slug)} className="button">
          Timeline and dates<span className="visually-hidden"> of {term.title}</span>
        </Link>
      </p>
      {children}
    </Element>
  );
}
