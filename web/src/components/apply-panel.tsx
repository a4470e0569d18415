import type { ProjectDetail } from "../../../src/schemas/catalog.ts";
import { applySentence } from "../time/apply-sentence.ts";
import { CLOSING_SOON_MS } from "../time/durations.ts";
import { useNow } from "../time/use-now.ts";
import { Chip, type Tone } from "./chip.tsx";
import { Countdown } from "./countdown.tsx";
import { DateTimeText } from "./date-time-text.tsx";

/** The name of the site a program takes applications on: "LFX Mentorship" for LFX, else its host name. */
function siteName(url: string): string {
  const host = new URL(url).hostname.replace(/^www\./, "");
  return /(^|\.)lfx\.linuxfoundation\.org$/.test(host) ? "LFX Mentorship" : host;
}

function isHttpUrl(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

/** The state of applying as a chip tone and words. */
function applyChip(apply: ProjectDetail["apply"], now: Date): { tone: Tone; label: string } {
  if (apply.state === "open") {
    const left = apply.closesAt ? new Date(apply.closesAt).getTime() - now.getTime() : Number.POSITIVE_INFINITY;
    return left <= CLOSING_SOON_MS ? { tone: "closing", label: "Open · closing soon" } : { tone: "open", label: "Open" };
  }
  if (apply.state === "not_yet_open") return { tone: "neutral", label: "Not open yet" };
  if (apply.state === "closed") return { tone: "closed", label: "Closed" };
  return { tone: "neutral", label: "No dates yet" };
}

/**
 * The side panel of a project: whether applications are open, until when, and the button.
 * Applying inside Cohort comes later, so an open window links to the program's own
 * application page when the project has one and otherwise says plainly that it is not there yet.
 */
export function ApplyPanel({ project, onElapsed }: { project: ProjectDetail; onElapsed?: () => void }) {
  const now = useNow(60_000);
  const { apply, term } = project;
  const chip = applyChip(apply, now);
  const external = project.externalUrl && isHttpUrl(project.externalUrl) ? project.externalUrl : null;
  const reasonId = "apply-reason";
  return (
    <aside className="panel apply-panel" aria-labelledby="apply-heading">
      <h2 id="apply-heading">Apply</h2>
      <p>
        <Chip tone={chip.tone}>Applications: {chip.label}</Chip>
      </p>
      {apply.state === "open" && apply.closesAt ? (
        <div className="deadline">
          <p className="deadline-what">
            Applications close <Countdown at={apply.closesAt} live {...(onElapsed ? { onElapsed } : {})} />
          </p>
          <p className="deadline-when">
            <DateTimeText iso={apply.closesAt} timeZone={term.timeZone} />
          </p>
        </div>
      ) : null}
      {apply.state === "not_yet_open" && apply.opensAt ? (
        <div className="deadline">
          <p className="deadline-what">
            Applications open <Countdown at={apply.opensAt} {...(onElapsed ? { onElapsed } : {})} />
          </p>
          <p className="deadline-when">
            <DateTimeText iso={apply.opensAt} timeZone={term.timeZone} />
          </p>
        </div>
      ) : null}
      {apply.state === "open" && external ? (
        <>
          <p>
            <a className="button button-primary button-block" href={external} rel="noopener noreferrer" target="_blank" aria-describedby={reasonId}>
              Apply<span className="visually-hidden"> to {project.title} (opens in a new tab)</span>
            </a>
          </p>
          <p id={reasonId} className="muted small">
            You apply on {siteName(external)}, the program's application site, in a new tab. You need an account there.
          </p>
        </>
      ) : (
        <>
          <p>
            <button type="button" className="button button-primary button-block" disabled aria-describedby={reasonId}>
              {apply.state === "open" ? "Applications open in Cohort soon" : "Apply"}
            </button>
          </p>
          <p id={reasonId} className="apply-reason">
            {apply.state === "open"
              ? "This project has no application link yet. Applying directly in Cohort is coming soon."
              : applySentence(apply, term.timeZone)}
          </p>
        </>
      )}
      {apply.state !== "open" && external ? (
        <p>
          <a href={external} rel="noopener noreferrer">
            This project on {siteName(external)}
          </a>
        </p>
      ) : null}
      <p className="muted small">{project.slots === 1 ? "This project takes 1 mentee." : `This project takes ${project.slots} mentees.`}</p>
    </aside>
  );
}
