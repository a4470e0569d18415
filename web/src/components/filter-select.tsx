/** One choice of a filter: the value it writes ("" for no filter) and its words. */
export interface FilterOption {
  value: string;
  label: string;
}

/** A labelled select of a filter bar: each choice goes to `onChange` at once, for the URL. */
export function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** An organization filter's choices: all of them first, then each by name. */
export function organizationOptions(organizations: readonly { slug: string; name: string }[]): FilterOption[] {
  return [{ value: "", label: "All organizations" }, ...organizations.map((organization) => ({ value: organization.slug, label: organization.name }))];
}

/**
 * A state filter's choices, drafts left out unless asked for, each state with how many are in
 * it: "Submitted (12)".
 */
export function stateOptions<State extends string>(
  states: readonly State[],
  labels: Record<State, string>,
  counts: Partial<Record<State, number>>,
): FilterOption[] {
  return [
    { value: "", label: "Every state but drafts" },
    { value: "all", label: "Every state, drafts too" },
    ...states.map((state) => ({ value: state, label: `${labels[state]} (${counts[state] ?? 0})` })),
  ];
}
