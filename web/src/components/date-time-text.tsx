import { dualTime } from "../time/format-date.ts";

/** An instant in the viewer's zone first and the term's zone beside it: "Wed 29 May, 02:00 your time · Tue 28 May, 17:00 PDT". */
export function DateTimeText({ iso, timeZone }: { iso: string; timeZone: string }) {
  const time = dualTime(iso, timeZone);
  if (!time.term) return <time dateTime={iso}>{time.viewer}</time>;
  return (
    <time dateTime={iso}>
      <span className="time-viewer">{time.viewer}</span>
      <span className="time-sep" aria-hidden="true">
        {" · "}
      </span>
      <span className="visually-hidden">, </span>
      <span className="time-term">{time.term}</span>
    </time>
  );
}
