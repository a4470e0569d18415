import type { ProjectDetail } from "../../../src/schemas/catalog.ts";
import { applySentence } from "../time/apply-sentence.ts";
import { CLOSING_SOON_MS } from "../time/durations.ts";
import { useNow } from "../time/use-now.ts";
import { Chip, type Tone } from "./chip.tsx";
import { Countdown } from "./countdown.tsx";
import { DateTimeText } from "./date-time-text.tsx";

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

/** How the program takes applications, in its term page's words and links, or a plain sentence when the page gives none. */
function HowToApplyText({ project, id }: { project: ProjectDetail; id: string }) {
  const { instructions } = project.application;
  if (instructions.length === 0) {
    return (
      <p id={id} className="apply-reason">
        Cohort does not take applications yet: {project.program.name} says how to apply on its own page for {project.term.title}.
      </p>
    );
  }
  return (
    <p id={id} className="apply-reason">
      Cohort does not take applications yet. The program's term page says:{" "}
      {instructions.map((part, index) =>
        part.url ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sentence, never reordered.
          <a key={index} href={part.url} rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sentence, never reordered.
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

/**
 * The side panel of a project: whether applications are open, until when, and where to apply.
 * Applying in Cohort does not exist yet, so the panel never offers it: it sends people to the
 * project's page on the program's application site when the term page links one, and otherwise
 * says how the program takes applications.
 */
export function ApplyPanel({ project, onElapsed }: { project: ProjectDetail; onElapsed?: () => void }) {
  const now = useNow(60_000);
  const { apply, term } = project;
  const chip = applyChip(apply, now);
  const { url: applicationUrl, site } = project.application;
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
      {apply.state !== "open" ? <p className="apply-reason">{applySentence(apply, term.timeZone)}</p> : null}
      {apply.state === "open" && applicationUrl && site ? (
        <>
          <p>
            <a className="button button-primary button-block" href={applicationUrl} rel="noopener noreferrer" target="_blank" aria-describedby={reasonId}>
              Apply on {site}
              <span className="visually-hidden"> to {project.title} (opens in a new tab)</span>
            </a>
          </p>
          <p id={reasonId} className="muted small">
            You apply on {site}, the program's application site, in a new tab. You need an account there.
          </p>
        </>
      ) : applicationUrl && site ? (
        <p>
          <a href={applicationUrl} rel="noopener noreferrer">
            This project on {site}
          </a>
        </p>
      ) : (
        <HowToApplyText project={project} id={reasonId} />
      )}
      <p className="muted small">{project.slots === 1 ? "This project takes 1 mentee." : `This project takes ${project.slots} mentees.`}</p>
    </aside>
  );
}
