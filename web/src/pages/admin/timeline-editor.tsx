import { useEffect, useState } from "react";
import type { Fold } from "../../../../src/schemas/term-setup.ts";
import { FieldErrorText, fieldId, TextField } from "../../forms/field.tsx";
import { capitalize } from "../../text.ts";
import { formatDateTime } from "../../time/format-date.ts";
import { foldChoiceLabel, type LocalTime } from "../../time/local-time.ts";
import { isTimeZone } from "../../time/time-zones.ts";
import { sameWallClock } from "../../time/zones.ts";
import { type DraftErrors, extraRow, type RowDraft, type RowEnd, readRow, rowField } from "./term-draft.ts";

const ADD_ROW_ID = "timeline-add-row";

/** What a row is called on the page: its phase's name, or the words the admin gave it. */
export function rowName(row: RowDraft): string {
  // Imported pages often write their phases in lower case ("project proposals").
  return row.kind ? capitalize(row.activity) : capitalize(row.activity.trim()) || "New row";
}

/** The instant a local time names, once read: the one instant, or the pass the admin chose of a doubled one. */
function chosenInstant(read: LocalTime, fold: Fold | null): Date | null {
  if (read.state === "instant") return read.instant;
  if (read.state === "ambiguous" && fold) return fold === "later" ? read.later : read.earlier;
  return null;
}

/** The same instant in UTC and in the admin's own zone, worked out as they type. */
function TimeEcho({ id, instant, viewerZone }: { id: string; instant: Date | null; viewerZone: string }) {
  if (!instant) return null;
  return (
    <p className="time-echo" id={id}>
      <span>UTC: {formatDateTime(instant, "UTC")}</span>
      {sameWallClock(instant, viewerZone, "UTC") ? null : (
        <span>
          Your time: {formatDateTime(instant, viewerZone)}
          <span className="muted"> ({viewerZone})</span>
        </span>
      )}
    </p>
  );
}

interface DateFieldProps {
  row: RowDraft;
  end: RowEnd;
  timeZone: string;
  viewerZone: string;
  error: string | undefined;
  foldError: string | undefined;
  onChange(row: RowDraft): void;
}

/** A row's start or end: a local date-time in the term's zone, its UTC and own-zone twins, and the choice a doubled hour needs. */
function DateField({ row, end, timeZone, viewerZone, error, foldError, onChange }: DateFieldProps) {
  const localKey = end === "starts" ? "startsLocal" : "endsLocal";
  const foldKey = end === "starts" ? "startsFold" : "endsFold";
  const name = rowField(row, localKey);
  const read = readRow(row, timeZone)[end];
  const instant = chosenInstant(read, row[foldKey]);
  const echoId = `${fieldId(name)}-echo`;
  const describedBy = [instant ? echoId : null, error ? `${fieldId(name)}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={fieldId(name)}>
        <span className="visually-hidden">{rowName(row)}: </span>
        {end === "starts" ? "Start" : "End"}
      </label>
      <input
        type="datetime-local"
        step={60}
        id={fieldId(name)}
        name={name}
        className="input"
        value={row[localKey]}
        onChange={(event) => onChange({ ...row, [localKey]: event.target.value, [foldKey]: null })}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <TimeEcho id={echoId} instant={instant} viewerZone={viewerZone} />
      {read.state === "ambiguous" ? (
        <fieldset className="fold-choice" aria-describedby={foldError ? `${fieldId(rowField(row, foldKey))}-error` : undefined}>
          <legend>This time happens twice that night, when clocks go back. Which one?</legend>
          {(["earlier", "later"] as const).map((fold) => (
            <div className="check-row" key={fold}>
              <input
                type="radio"
                // The first choice carries the group's id, so the error summary and focus land on it.
                id={fold === "earlier" ? fieldId(rowField(row, foldKey)) : `${fieldId(rowField(row, foldKey))}-${fold}`}
                name={rowField(row, foldKey)}
                checked={row[foldKey] === fold}
                onChange={() => onChange({ ...row, [foldKey]: fold })}
              />
              <label htmlFor={fold === "earlier" ? fieldId(rowField(row, foldKey)) : `${fieldId(rowField(row, foldKey))}-${fold}`}>
                {foldChoiceLabel(fold === "earlier" ? read.earlier : read.later, timeZone)}
                <span className="muted">{fold === "earlier" ? ", the first time" : ", the second time"}</span>
              </label>
            </div>
          ))}
          <FieldErrorText id={`${fieldId(rowField(row, foldKey))}-error`} error={foldError} />
        </fieldset>
      ) : null}
      <FieldErrorText id={`${fieldId(name)}-error`} error={error} />
    </div>
  );
}

/**
 * The term's timeline as rows: one per phase kind, in the order a term runs, then the admin's
 * own rows. Dates are typed in the term's zone; each shows in UTC and in the admin's zone beside
 * it, and a time the zone skips or passes twice is said at once.
 */
export function TimelineEditor({
  rows,
  timeZone,
  viewerZone,
  errors,
  onChange,
}: {
  rows: RowDraft[];
  timeZone: string;
  viewerZone: string;
  errors: DraftErrors;
  onChange(rows: RowDraft[], changedField: string): void;
}) {
  const replace = (next: RowDraft, field: string) =>
    onChange(
      rows.map((row) => (row.key === next.key ? next : row)),
      field,
    );
  const zoneKnown = isTimeZone(timeZone);
  // Keyboard users land on the row they added, or back on "Add a row" after removing one.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);
  return (
    <div className="timeline-editor">
      <p className="field-hint">
        {zoneKnown ? `Dates and times in ${timeZone}, the term's zone.` : "Choose the term's time zone first: dates are read in it."} Leave the end of a single
        moment (a day of announcements) empty.
      </p>
      <ol className="timeline-rows">
        {rows.map((row) => {
          const rowError = errors[rowField(row, "row")];
          return (
            <li key={row.key}>
              <fieldset
                className={rowError ? "timeline-row field-invalid" : "timeline-row"}
                id={fieldId(rowField(row, "row"))}
                tabIndex={-1}
                aria-describedby={rowError ? `${fieldId(rowField(row, "row"))}-error` : undefined}
              >
                <legend>{row.kind ? rowName(row) : "Extra row"}</legend>
                {row.kind ? null : (
                  <TextField
                    name={rowField(row, "activity")}
                    label="What happens"
                    value={row.activity}
                    onChange={(event) => replace({ ...row, activity: event.target.value }, rowField(row, "activity"))}
                    error={errors[rowField(row, "activity")]}
                  />
                )}
                <div className="timeline-dates">
                  {(["starts", "ends"] as const).map((end) => (
                    <DateField
                      key={end}
                      row={row}
                      end={end}
                      timeZone={timeZone}
                      viewerZone={viewerZone}
                      error={errors[rowField(row, end === "starts" ? "startsLocal" : "endsLocal")]}
                      foldError={errors[rowField(row, end === "starts" ? "startsFold" : "endsFold")]}
                      onChange={(next) => replace(next, rowField(row, end === "starts" ? "startsLocal" : "endsLocal"))}
                    />
                  ))}
                </div>
                <FieldErrorText id={`${fieldId(rowField(row, "row"))}-error`} error={rowError} />
                {row.kind ? null : (
                  <div>
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        onChange(
                          rows.filter((other) => other.key !== row.key),
                          rowField(row, "row"),
                        );
                        setFocusId(ADD_ROW_ID);
                      }}
                    >
                      Remove<span className="visually-hidden"> {rowName(row)}</span>
                    </button>
                  </div>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id={ADD_ROW_ID}
        className="button"
        onClick={() => {
          const added = extraRow();
          onChange([...rows, added], "timeline");
          setFocusId(fieldId(rowField(added, "activity")));
        }}
      >
        Add a row
      </button>
    </div>
  );
}
