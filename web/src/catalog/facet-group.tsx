import { useId, useState } from "react";
import type { FacetValue } from "../../../src/schemas/catalog.ts";

/** Props of FacetGroup. */
export interface FacetGroupProps {
  legend: string;
  /** How ticking several values combines, said to the visitor. */
  hint: string;
  values: FacetValue[];
  selected: string[];
  onToggle(name: string): void;
  /** The label of a ticked value that the current results no longer count. */
  labelOf(name: string): string;
  /** How many values show before "Show all". */
  initial?: number;
  /** The label of a box that narrows a long list as one types ("Find a skill"); no box when absent. */
  searchLabel?: string;
}

// How a label is compared with what is typed: "node js", "nodejs" and "Node.js" all find Node.js.
function folded(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s\-_./]+/g, "");
}

/**
 * A facet as a group of checkboxes with counts. Ticked values always show, even when the
 * current filter leaves them no project, so a visitor can always untick them. A long list
 * gets a box that shows only the values whose label holds what is typed.
 */
export function FacetGroup({ legend, hint, values, selected, onToggle, labelOf, initial = 10, searchLabel }: FacetGroupProps) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const [query, setQuery] = useState("");
  const missing = selected.filter((name) => !values.some((value) => value.name === name)).map((name) => ({ name, label: labelOf(name), count: 0 }));
  const all = [...values, ...missing];
  // Once used, the box stays while the list shrinks under it (ticking a value narrows the facet).
  const searchable = searchLabel !== undefined && (all.length > initial || query !== "");
  const wanted = searchable ? folded(query) : "";
  const found = all.filter((value) => folded(value.label).includes(wanted)).length;
  const shown = all.filter((value, index) => {
    if (selected.includes(value.name)) return true;
    if (wanted !== "") return folded(value.label).includes(wanted);
    return expanded || index < initial;
  });
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <p className="facet-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {searchable ? (
        <div className="facet-search">
          <label htmlFor={`${id}-search`}>{searchLabel}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            aria-controls={`${id}-list`}
            aria-describedby={`${id}-found`}
            autoComplete="off"
            spellCheck={false}
          />
          <p className="facet-found" id={`${id}-found`} role="status">
            {wanted === ""
              ? ""
              : found === 0
                ? `None of the ${all.length} matches “${query.trim()}”.`
                : `${found} of ${all.length} ${legend.toLowerCase()} match.`}
          </p>
        </div>
      ) : null}
      {all.length === 0 ? <p className="muted small">None in these results.</p> : null}
      <ul className="facet-list" id={`${id}-list`}>
        {shown.map((value, index) => {
          const inputId = `${id}-${index}`;
          return (
            <li key={value.name}>
              <input
                type="checkbox"
                id={inputId}
                checked={selected.includes(value.name)}
                onChange={() => onToggle(value.name)}
                aria-describedby={`${id}-hint`}
                value={value.name}
              />
              <label htmlFor={inputId}>
                {value.label} <span className="facet-count">({value.count})</span>
              </label>
            </li>
          );
        })}
      </ul>
      {all.length > initial && wanted === "" ? (
        <button type="button" className="link-button" aria-expanded={expanded} aria-controls={`${id}-list`} onClick={() => setExpanded(!expanded)}>
          {expanded ? `Show fewer ${legend.toLowerCase()}` : `Show all ${all.length} ${legend.toLowerCase()}`}
        </button>
      ) : null}
    </fieldset>
  );
}
