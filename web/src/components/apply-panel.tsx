import { Link } from "wouter";
import type { ProjectDetail } from "../../../src/schemas/catalog.ts";
import { pagePaths } from "../api/paths.ts";
import { withNext } from "../session/return-path.ts";
import { useSession } from "../session/session.tsx";
import { applySentence } from "../time/apply-sentence.ts";
import { CLOSING_SOON_MS } from "../time/durations.ts";
import { useNow } from "../time/use-now.ts";
import { Chip, type Tone } from "./chip.tsx";
import { Countdown } from "./countdown.tsx";
import { DateTimeText } from "./date-time-text.tsx";

/** The state of applying as a chip tone and words. */
function applyChip(apply: ProjectDetail["apply"], capReached: boolean, now: Date): { tone: Tone; label: string } {
  if (apply.state === "open" && capReached) return { tone: "closed", label: "Limit reached" };
  if (apply.state === "open") {
    const left = apply.closesAt ? new Date(apply.closesAt).getTime() - now.getTime() : Number.POSITIVE_INFINITY;
    return left <= CLOSING_SOON_MS ? { tone: "closing", label: "Open · closing soon" } : { tone: "open", label: "Open" };
  }
  if (apply.state === "not_yet_open") return { tone: "neutral", label: "Not open yet" };
  if (apply.state === "closed") return { tone: "closed", label: "Closed" };
  return { tone: "neutral", label: "No dates yet" };
}

/** The way to apply while the project takes applications: its form for a signed-in person, signing in or up (and back) for a visitor. */
function ApplyCall({ project }: { project: ProjectDetail }) {
  const { session } = useSession();
  const form = pagePaths.apply(project.slug);
  if (session.status === "visitor") {
    return (
      <>
        <p>
          <Link className="button button-primary button-block" href={withNext("/sign-in", form)}>
            Sign in to apply<span className="visually-hidden"> to {project.title}</span>
          </Link>
        </p>
        <p className="muted small">
          New to Cohort? <Link href={withNext("/sign-up", form)}>Create an account</Link>; you come back here once your email address is confirmed.
        </p>
      </>
    );
  }
  return (
    <>
      <p>
        <Link className="button button-primary button-block" href={form}>
          Apply<span className="visually-hidden"> to {project.title}</span>
        </Link>
      </p>
      <p className="muted small">Your application is saved as you type; you can edit or withdraw it until applications close.</p>
    </>
  );
}

/**
 * The side panel of a project: whether applications are open, until when, and the way to apply
 * while they are and the project takes them; otherwise why not (not open yet, closed, or the
 * mentors' limit reached). The project's page on the program's own site stays linked beside it.
 */
export function ApplyPanel({ project, onElapsed }: { project: ProjectDetail; onElapsed?: () => void }) {
  const now = useNow(60_000);
  const { apply, term } = project;
  const chip = applyChip(apply, project.capReached, now);
  const { url: applicationUrl, site } = project.application;
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
      {apply.state === "open" && project.capReached ? (
        <p className="apply-reason">This project has reached its mentors' limit of applications: it takes no new ones. Projects with fewer applicants may.</p>
      ) : null}
      {apply.state === "open" && !project.capReached ? <ApplyCall project={project} /> : null}
      {applicationUrl && site ? (
        <p>
          <a href={applicationUrl} rel="noopener noreferrer">
            This project on {site}
          </a>
        </p>
      ) : null}
      <p className="muted small">{project.slots === 1 ? "This project takes 1 mentee." : `This project takes ${project.slots} mentees.`}</p>
    </aside>
  );
}
