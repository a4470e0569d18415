import { viewerTimeZone } from "../time/zones.ts";
import { type Autosave, autosaveWords } from "./use-autosave.ts";
import "./forms.css";

/** Whether what is typed is saved, in the viewer's time, with a way to try again after a failure. */
export function AutosaveStatusLine({ autosave }: { autosave: Autosave }) {
  const failed = autosave.status.state === "failed";
  return (
    <p className={failed ? "form-status autosave-status autosave-failed" : "form-status autosave-status"} role="status">
      {autosaveWords(autosave.status, viewerTimeZone())}
      {failed ? (
        <>
          {" "}
          <button type="button" className="link-button" onClick={() => void autosave.saveNow()}>
            Try saving again
          </button>
        </>
      ) : null}
    </p>
  );
}
