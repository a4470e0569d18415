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
}

/**
 * A facet as a group of checkboxes with counts. Ticked values always show, even when the
 * current filter leaves them no project, so a visitor can always untick them.
 */
export function FacetGroup({ legend, hint, values, selected, onToggle, labelOf, initial = 10 }: FacetGroupProps) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const missing = selected.filter((name) => !values.some((value) => value.name === name)).map((name) => ({ name, label: labelOf(name), count: 0 }));
  const all = [...values, ...missing];
  const shown = expanded ? all : all.filter((value, index) => index < initial || selected.includes(value.name));
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <p className="facet-hint" id={`${id}-hint`}>
        {hint}
      </p>
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
      {all.length > initial ? (
        <button type="button" className="link-button" aria-expanded={expanded} aria-controls={`${id}-list`} onClick={() => setExpanded(!expanded)}>
          {expanded ? `Show fewer ${legend.toLowerCase()}` : `Show all ${all.length} ${legend.toLowerCase()}`}
        </button>
      ) : null}
    </fieldset>
  );
}
