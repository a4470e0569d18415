import type { InstallmentView } from "../../../../src/schemas/mentorship.ts";
import { Chip, type Tone } from "../../components/chip.tsx";
import { DateTimeText } from "../../components/date-time-text.tsx";

/** Each installment state's chip tone. */
export const INSTALLMENT_TONES: Record<InstallmentView["state"], Tone> = {
  pending: "neutral",
  due: "closing",
  approved: "info",
  exported: "info",
  paid: "open",
  withheld: "closed",
};

/**
 * The mentee's stipend ledger: each installment, its amount, its state, the date of each move
 * and what happens next, so nobody has to ask in public where their stipend is.
 */
export function StipendLedger({ installments, timeZone }: { installments: readonly InstallmentView[]; timeZone: string }) {
  return (
    <section className="panel stack" aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">Stipend</h2>
      {installments.length === 0 ? (
        <p className="muted">The installments appear here when the mentorship begins and the program has set its stipend policy.</p>
      ) : (
        <ol className="ledger">
          {installments.map((item) => (
            <li key={item.id} className="ledger-item" data-state={item.state}>
              <h3>
                Installment {item.position} · {item.amountText} <Chip tone={INSTALLMENT_TONES[item.state]}>{item.stateText}</Chip>
              </h3>
              {item.amount !== item.fullAmount ? <p className="small muted">Paid pro rata: the share of its period served.</p> : null}
              <p className="ledger-next">{item.nextStep}</p>
              <ul className="ledger-history small muted" aria-label={`Installment ${item.position}: its changes`}>
                {item.history.map((move) => (
                  <li key={move.state}>
                    {STATE_WORDS[move.state]} <DateTimeText iso={move.at} timeZone={timeZone} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const STATE_WORDS: Record<InstallmentView["state"], string> = {
  pending: "Created",
  due: "Due",
  approved: "Approved",
  exported: "Sent to finance",
  paid: "Paid",
  withheld: "Withheld",
};
