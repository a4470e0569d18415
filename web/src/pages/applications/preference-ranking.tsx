import { useState } from "react";
import { byApplicantPreference } from "../../../../src/domain/applicant-preference.ts";
import type { MyApplicationsResponse } from "../../../../src/schemas/application.ts";
import { asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { RankMoves } from "../../components/rank-moves.tsx";
import { moved } from "../mentoring/review-words.ts";
import { applicationApi } from "./application-paths.ts";

type MyApplication = MyApplicationsResponse["items"][number];

/** The applicant's order of their applications, the API's `preference` being their own rank. */
function byPreference(a: MyApplication, b: MyApplication): number {
  return byApplicantPreference({ ...a, applicantRank: a.preference }, { ...b, applicantRank: b.preference });
}

/**
 * While mentors review, an applicant with several submitted applications in a term ranks them,
 * the one they want most first: selection then offers them the highest it can. Each move sends
 * the whole order. Mentors never see it.
 */
export function PreferenceRanking({
  items,
  onChanged,
}: {
  /** The applicant's rankable applications of one term. */
  items: readonly MyApplication[];
  onChanged(fresh: MyApplicationsResponse): void;
}) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const ordered = [...items].sort(byPreference);
  const ids = ordered.map((item) => item.id);
  const term = ordered[0]?.term;
  if (!term || ordered.length < 2) return null;

  const send = async (order: number[], moving: MyApplication) => {
    setBusy(true);
    setMessage(null);
    try {
      onChanged(await sendJson<MyApplicationsResponse>("PUT", applicationApi.myRanking(term.slug), { applications: order }));
      setMessage(`“${moving.project.title}” is now your choice number ${order.indexOf(moving.id) + 1}.`);
    } catch (caught) {
      setMessage(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  const headingId = `preference-${term.slug}`;
  return (
    <section className="panel preference-ranking" aria-labelledby={headingId}>
      <h2 id={headingId}>Your order of preference · {term.title}</h2>
      <p className="muted small">
        Put the project you want most first: if several offer you a place, selection gives you the highest one. Mentors never see this order; without it, the
        order you submitted in counts.
      </p>
      <ol className="shortlist">
        {ordered.map((item, place) => (
          <li key={item.id} className="shortlist-item">
            <span className="shortlist-name">
              <span className="shortlist-place">{place + 1}.</span> {item.project.title}
            </span>
            <RankMoves name={item.project.title} place={place} count={ordered.length} busy={busy} onMove={(by) => void send(moved(ids, item.id, by), item)} />
          </li>
        ))}
      </ol>
      <p className="small" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
