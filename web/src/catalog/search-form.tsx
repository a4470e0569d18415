import { type FormEvent, useEffect, useState } from "react";

/** The catalog's search box; submitting puts the words in the URL as ?q=. */
export function SearchForm({ value, onSearch }: { value: string; onSearch(q: string): void }) {
  const [text, setText] = useState(value);
  // Back and forward change the URL under the box: show what the URL says.
  useEffect(() => setText(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <search className="search-form">
      <form onSubmit={submit}>
        <label htmlFor="catalog-search">Search projects</label>
        <div className="search-row">
          <input
            id="catalog-search"
            type="search"
            name="q"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="e.g. CLI, Rust"
            maxLength={200}
            autoComplete="off"
            enterKeyHint="search"
          />
          <button type="submit" className="button button-primary">
            Search
          </button>
        </div>
      </form>
    </search>
  );
}
