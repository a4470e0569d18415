import type { ProposalChange } from "../../../../src/schemas/proposal.ts";
import { type DiffLine, lineDiff, listDiff } from "./line-diff.ts";

const FIELD_LABEL = { description: "Description", expectedOutcome: "Expected outcome", skills: "Skills", mentors: "Mentors" } as const;

const SIGN: Record<DiffLine["kind"], string> = { same: " ", removed: "−", added: "+" };
const SAID: Record<DiffLine["kind"], string> = { same: "", removed: "Removed: ", added: "Added: " };

/** One field's lines before and after, removed lines marked − and added ones +, in words for screen readers too. */
function DiffLines({ lines }: { lines: DiffLine[] }) {
  return (
    <ol className="diff-lines">
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of a diff are known by their place.
        <li key={index} className={`diff-line diff-${line.kind}`}>
          <span className="diff-sign" aria-hidden="true">
            {SIGN[line.kind]}
          </span>
          {SAID[line.kind] ? <span className="visually-hidden">{SAID[line.kind]}</span> : null}
          <span className="diff-text">{line.text === "" ? "\u00a0" : line.text}</span>
        </li>
      ))}
    </ol>
  );
}

/** A pending change field by field: what the catalog shows now and what the maintainer wants instead, as a line diff. */
export function ChangeDiff({ change }: { change: ProposalChange }) {
  const fields = [
    change.description ? { key: "description" as const, lines: lineDiff(change.description.before, change.description.after) } : null,
    change.expectedOutcome ? { key: "expectedOutcome" as const, lines: lineDiff(change.expectedOutcome.before, change.expectedOutcome.after) } : null,
    change.skills ? { key: "skills" as const, lines: listDiff(change.skills.before, change.skills.after) } : null,
    change.mentors ? { key: "mentors" as const, lines: listDiff(change.mentors.before, change.mentors.after) } : null,
  ].filter((field) => field !== null);
  if (fields.length === 0) return <p className="muted">The change holds no field that differs.</p>;
  return (
    <div className="change-diff">
      {fields.map((field) => (
        <section key={field.key} aria-label={`${FIELD_LABEL[field.key]}: before and after`}>
          <h4>{FIELD_LABEL[field.key]}</h4>
          <DiffLines lines={field.lines} />
        </section>
      ))}
    </div>
  );
}
