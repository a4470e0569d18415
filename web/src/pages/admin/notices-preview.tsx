import { useState } from "react";
import type { NoticeMessageView, NoticePreviewView } from "../../../../src/schemas/selection.ts";
import { asApiError } from "../../api/api-error.ts";
import { fetchJson } from "../../api/fetch-json.ts";
import { useApi } from "../../api/use-api.ts";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { instantInSentence } from "../../time/format-date.ts";
import { selectionApi } from "./selection-paths.ts";

const KIND_WORDS: Record<NoticePreviewView["recipients"][number]["kind"], string> = { offer: "Offer", not_selected: "Not selected" };

/**
 * The dry run of a term's outcome notices: how many of each kind go out and when, who gets
 * which, and any one of them opened in full, exactly as the notices job will write it. Nothing
 * is sent from here.
 */
export function NoticesPreview({ term, termZone }: { term: string; termZone: string }) {
  const found = useApi<NoticePreviewView>(selectionApi.notices(term));
  const [open, setOpen] = useState<{ personId: number; message: NoticeMessageView } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (found.error) return <ErrorPanel error={found.error} onRetry={found.reload} />;
  if (!found.data) return <Loading what="the outcome emails" />;
  const { counts, recipients } = found.data;

  const read = async (personId: number) => {
    setProblem(null);
    try {
      setOpen({ personId, message: await fetchJson<NoticeMessageView>(selectionApi.notice(term, personId)) });
    } catch (caught) {
      setProblem(asApiError(caught).message);
    }
  };

  return (
    <div className="notices-preview">
      <p>
        On {instantInSentence(found.data.at, termZone)}, {counts.recipients} applicant{counts.recipients === 1 ? "" : "s"} get one email each: {counts.offers}{" "}
        offer{counts.offers === 1 ? "" : "s"} (to answer by {instantInSentence(found.data.respondBy, termZone)}) and {counts.notSelected} “not selected”.
        {counts.withoutEmail > 0 ? ` ${counts.withoutEmail} have no email address on file and get none.` : ""}
      </p>
      <table className="data-table">
        <caption className="visually-hidden">Who gets which outcome email</caption>
        <thead>
          <tr>
            <th scope="col">Applicant</th>
            <th scope="col">Email</th>
            <th scope="col">Projects</th>
            <th scope="col">
              <span className="visually-hidden">Read</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {recipients.map((item) => (
            <tr key={item.personId}>
              <td>{item.name}</td>
              <td>{KIND_WORDS[item.kind]}</td>
              <td>{item.projects.join(", ")}</td>
              <td>
                <button type="button" className="link-button" onClick={() => void read(item.personId)}>
                  Read<span className="visually-hidden"> the email to {item.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {recipients.length < counts.recipients ? <p className="muted small">The first {recipients.length} by name.</p> : null}
      <p className="small" role="status" aria-live="polite">
        {problem}
      </p>
      {open ? (
        <section className="panel notice-message" aria-labelledby="notice-subject">
          <p className="muted small">
            To {open.message.to.name}
            {open.message.to.email ? ` <${open.message.to.email}>` : " (no email address on file)"}
          </p>
          <h3 id="notice-subject">{open.message.subject}</h3>
          <pre className="notice-text">{open.message.text}</pre>
          <button type="button" className="button" onClick={() => setOpen(null)}>
            Close the email
          </button>
        </section>
      ) : null}
    </div>
  );
}
