import { type KeyboardEvent, useEffect, useId, useState } from "react";
import type { Skill } from "../../../../src/schemas/catalog.ts";
import type { SkillSuggestionsResponse } from "../../../../src/schemas/proposal.ts";
import { fetchJson } from "../../api/fetch-json.ts";
import { FieldErrorText, fieldId } from "../../forms/field.tsx";
import { proposalApi } from "./proposal-paths.ts";

/** Suggestions for what is typed, from the skills the program's projects already use; none while the box is empty. */
function useSkillSuggestions(query: string): Skill[] {
  const [suggestions, setSuggestions] = useState<Skill[]>([]);
  useEffect(() => {
    const text = query.trim();
    if (text.length === 0) {
      setSuggestions([]);
      return;
    }
    const controller = new AbortController();
    // A short pause, so one request goes out per word rather than per key.
    const timer = window.setTimeout(() => {
      fetchJson<SkillSuggestionsResponse>(proposalApi.skills(text), controller.signal).then(
        (answer) => setSuggestions(answer.items),
        () => setSuggestions([]),
      );
    }, 200);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  return suggestions;
}

/**
 * The recommended skills as removable chips and a box that adds one on Enter or a comma,
 * suggesting the skills already in use (a native datalist, so the keyboard and screen readers
 * get the browser's own list). What the maintainer typed is kept as typed; the server matches it
 * to a skill tag.
 */
export function SkillsInput({
  skills,
  onChange,
  errors,
}: {
  skills: string[];
  onChange(skills: string[]): void;
  errors: (field: string) => string | undefined;
}) {
  const [typed, setTyped] = useState("");
  const suggestions = useSkillSuggestions(typed);
  const listId = useId();
  const id = fieldId("skills");
  const error = errors("skills") ?? skills.map((_, index) => errors(`skills.${index}`)).find(Boolean);

  const add = () => {
    const skill = typed.trim().replace(/,$/, "").trim();
    if (skill === "") return;
    if (!skills.some((existing) => existing.toLowerCase() === skill.toLowerCase())) onChange([...skills, skill]);
    setTyped("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add();
    } else if (event.key === "Backspace" && typed === "" && skills.length > 0) {
      onChange(skills.slice(0, -1));
    }
  };

  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>Recommended skills</label>
      <p className="field-hint" id={`${id}-hint`}>
        Type a skill and press Enter; suggestions come from the skills of other projects. Your wording is kept.
      </p>
      {skills.length > 0 ? (
        <ul className="tag-list" aria-label="Skills added">
          {skills.map((skill) => (
            <li key={skill} className="tag">
              {skill}
              <button type="button" className="tag-remove" onClick={() => onChange(skills.filter((existing) => existing !== skill))}>
                <span aria-hidden="true">×</span>
                <span className="visually-hidden">Remove {skill}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="tag-entry">
        <input
          id={id}
          className="input"
          list={listId}
          value={typed}
          autoComplete="off"
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
        />
        <button type="button" className="button" onClick={add} disabled={typed.trim() === ""}>
          Add<span className="visually-hidden"> skill</span>
        </button>
      </div>
      <datalist id={listId}>
        {suggestions.map((skill) => (
          <option key={skill.tag} value={skill.label} />
        ))}
      </datalist>
      <FieldErrorText id={`${id}-error`} error={error} />
    </div>
  );
}
