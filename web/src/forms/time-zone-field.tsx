import { type ComponentProps, useMemo } from "react";
import { isTimeZone, timeZoneChoices } from "../time/time-zones.ts";
import { fieldId, TextField } from "./field.tsx";

/**
 * A time zone typed with suggestions: a text field whose list offers every IANA zone the browser
 * knows, filtered as one types ("los" finds America/Los_Angeles), each with its city in words.
 * The browser's own list keeps it usable with the keyboard and a screen reader.
 */
export function TimeZoneField({ value, ...field }: Omit<ComponentProps<typeof TextField>, "list" | "type" | "value"> & { value: string }) {
  // Recomputed only when the value becomes another known zone, not on every key typed.
  const known = isTimeZone(value) ? value : null;
  const zones = useMemo(() => timeZoneChoices(known), [known]);
  const listId = `${fieldId(field.name)}-zones`;
  return (
    <>
      <TextField {...field} value={value} list={listId} autoComplete="off" spellCheck={false} autoCapitalize="none" />
      <datalist id={listId}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.split("/").pop()?.replace(/_/g, " ")}
          </option>
        ))}
      </datalist>
    </>
  );
}
