import type { Phase } from "../../../src/schemas/catalog.ts";
import { capitalize } from "../text.ts";
import { formatDateTime } from "../time/format-date.ts";
import { phaseDates } from "../time/phase-dates.ts";
import { viewerTimeZone } from "../time/zones.ts";

const STATE_WORDS: Record<Phase["state"], string> = {
  past: "Done",
  current: "Now",
  upcoming: "Upcoming",
  undated: "Date not set",
};

/** One step of the stepper: what happens, when in the viewer's and the term's zone, and the date as the program wrote it. */
function PhaseStep({ phase, timeZone }: { phase: Phase; timeZone: string }) {
  const dates = phaseDates(phase, timeZone);
  const current = phase.state === "current";
  return (
    <li className={`phase phase-${phase.state}`} aria-current={current ? "step" : undefined}>
      <span className="phase-marker" aria-hidden="true" />
      <div className="phase-body">
        <h3 className="phase-title">
          {capitalize(phase.activity)} <span className={`phase-state phase-state-${phase.state}`}>{STATE_WORDS[phase.state]}</span>
        </h3>
        {dates.viewer ? <p className="phase-dates">{dates.viewer}</p> : null}
        {dates.term ? <p className={dates.viewer ? "phase-dates-term" : "phase-dates"}>{dates.viewer ? `Term time: ${dates.term}` : dates.term}</p> : null}
        <p className="phase-original">
          As written: <q>{phase.text}</q>
        </p>
      </div>
    </li>
  );
}

/** A marker between two phases when today falls in none of them, so "now" is always somewhere on the line. */
function NowBetween({ now }: { now: Date }) {
  return (
    <li className="phase phase-gap" aria-current="step">
      <span className="phase-marker" aria-hidden="true" />
      <div className="phase-body">
        <p className="phase-title">
          <span className="phase-state phase-state-current">Now</span> {formatDateTime(now, viewerTimeZone(), { dateOnly: true })}, between two steps
        </p>
      </div>
    </li>
  );
}

/** The term's phases as a vertical stepper with the current one marked "Now" (aria-current="step"). */
export function Timeline({ phases, timeZone, now }: { phases: Phase[]; timeZone: string; now: Date }) {
  const hasCurrent = phases.some((phase) => phase.state === "current");
  const firstUpcoming = phases.findIndex((phase) => phase.state === "upcoming");
  const gapAt = !hasCurrent && firstUpcoming > 0 && phases.slice(0, firstUpcoming).some((phase) => phase.state === "past") ? firstUpcoming : -1;
  return (
    <ol className="timeline">
      {phases.flatMap((phase, index) => {
        // biome-ignore lint/suspicious/noArrayIndexKey: phases have no id; their place in the timeline is what identifies them.
        const step = <PhaseStep key={`${index}|${phase.activity}`} phase={phase} timeZone={timeZone} />;
        return index === gapAt ? [<NowBetween key="now" now={now} />, step] : [step];
      })}
    </ol>
  );
}
