import { useState } from "react";
import type { MyApplicationsResponse } from "../../../../src/schemas/application.ts";
import { asApiError } from "../../api/api-error.ts";
import { sendJson } from "../../api/send-json.ts";
import { Countdown } from "../../components/countdown.tsx";
import { DateTimeText } from "../../components/date-time-text.tsx";
import { applicationApi } from "./application-paths.ts";

type MyApplication = MyApplicationsResponse["items"][number];

/**
 * An open offer on "My applications": its deadline counting down, and accepting or declining
 * it, each after a confirmation that says what follows (accepting withdraws the applicant's
 * other applications of the term; declining gives the place to someone else).
 */
export function OfferAnswer({
  item,
  others,
  onAnswered,
}: {
  item: MyApplication & { offer: NonNullable<MyApplication["offer"]> };
  /** The applicant's other open applications of the same term, which accepting withdraws. */
  others: readonly MyApplication[];
  onAnswered(fresh: MyApplicationsResponse, message: string): void;
}) {
  const [asking, setAsking] = useState<"accept" | "decline" | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const title = item.project.title;

  const answer = async (kind: "accept" | "decline") => {
    setBusy(true);
    setProblem(null);
    try {
      const fresh = await sendJson<MyApplicationsResponse>("POST", kind === "accept" ? applicationApi.accept(item.id) : applicationApi.decline(item.id));
      onAnswered(fresh, kind === "accept" ? `You accepted the mentorship on “${title}”. Welcome!` : `You declined the offer on “${title}”.`);
    } catch (caught) {
      setProblem(asApiError(caught).message);
      setBusy(false);
    }
  };

  return (
    <div className="offer-answer">
      <p className="deadline-what">
        {item.offer.fromWaitlist ? "A place opened up for you. " : ""}Answer the offer <Countdown at={item.offer.respondBy} />
      </p>
      <p className="deadline-when">
        <DateTimeText iso={item.offer.respondBy} timeZone={item.term.timeZone} />
      </p>
      {asking === "accept" ? (
        <fieldset className="confirm confirm-box">
          <legend>Accept the mentorship on “{title}”?</legend>
          <p className="small">
            {others.length === 0
              ? "Your mentorship begins with the term's start; you hold one per term."
              : `Accepting withdraws your other applications of this term: ${others.map((other) => `“${other.project.title}”`).join(", ")}.`}
          </p>
          <p className="actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void answer("accept")}>
              Accept it
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setAsking(null)}>
              Not yet
            </button>
          </p>
        </fieldset>
      ) : asking === "decline" ? (
        <fieldset className="confirm confirm-box">
          <legend>Decline the offer on “{title}”?</legend>
          <p className="small">The place goes to another applicant at once; this cannot be undone.</p>
          <p className="actions">
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void answer("decline")}>
              Decline it
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setAsking(null)}>
              Keep the offer
            </button>
          </p>
        </fieldset>
      ) : (
        <p className="actions">
          <button type="button" className="button button-primary" onClick={() => setAsking("accept")}>
            Accept<span className="visually-hidden"> the offer on {title}</span>
          </button>
          <button type="button" className="button" onClick={() => setAsking("decline")}>
            Decline<span className="visually-hidden"> the offer on {title}</span>
          </button>
        </p>
      )}
      <p className="small" role="status" aria-live="polite">
        {problem}
      </p>
    </div>
  );
}
