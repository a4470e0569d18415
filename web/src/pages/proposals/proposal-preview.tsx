import { APPLICANT_BAND_LABELS } from "../../../../src/domain/applicant-bands.ts";
import type { ProjectCard as ProjectCardData, PublicMentor, Skill } from "../../../../src/schemas/catalog.ts";
import type { Proposal } from "../../../../src/schemas/proposal.ts";
import { ProjectCard } from "../../catalog/project-card.tsx";
import { MentorList } from "../../components/mentor-list.tsx";
import { ServerSanitizedHtml } from "../../components/server-sanitized-html.tsx";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { mentorNamed } from "./mentors-field.tsx";
import type { ProposalDraft } from "./proposal-draft.ts";

/** A typed skill as the catalog would show it: the label the server matched it to once saved, the words as typed before. */
function previewSkills(proposal: Proposal, typed: readonly string[]): Skill[] {
  const seen = new Set<string>();
  return typed.flatMap((text) => {
    const saved = proposal.skills.find((skill) => skill.originalText.toLowerCase() === text.toLowerCase());
    const skill = saved ? { tag: saved.tag, label: saved.label } : { tag: text.toLowerCase(), label: text };
    if (seen.has(skill.tag)) return [];
    seen.add(skill.tag);
    return [skill];
  });
}

/**
 * A typed mentor as a public mentor entry: a mentor the proposal already knows by their name and
 * handle; before it is saved, a handle as the handle and an email address by its name part.
 */
function previewMentor(proposal: Proposal, typed: string): PublicMentor {
  const known = mentorNamed(proposal.mentors, typed);
  // A mentor who has not given a name yet is shown as typed until they do.
  if (known?.name)
    return { name: known.name, handle: known.githubHandle, githubUrl: known.githubHandle ? `https://github.com/${known.githubHandle}` : null, email: null };
  const text = typed.trim();
  if (text.startsWith("@")) return { name: text.slice(1), handle: text.slice(1), githubUrl: `https://github.com/${text.slice(1)}`, email: null };
  return { name: text.split("@")[0] ?? text, handle: null, githubUrl: null, email: null };
}

/**
 * The catalog card and the project page as they will look once accepted. Title, skills, mentors
 * and slots follow the form as it is typed; the description and outcome are the server's
 * sanitized HTML of the last save (the UI never renders Markdown itself), and say so.
 */
export function ProposalPreview({ proposal, draft }: { proposal: Proposal; draft: ProposalDraft }) {
  const mentors = draft.mentors.filter((mentor) => mentor.trim() !== "").map((typed) => previewMentor(proposal, typed));
  const slots = Number.parseInt(draft.slotsRequested, 10);
  const card: ProjectCardData = {
    slug: proposal.slug,
    title: draft.title || "Untitled proposal",
    termSlug: proposal.term.slug,
    organization: proposal.organization,
    summary: proposal.summary,
    skills: previewSkills(proposal, draft.skills),
    mentors: mentors.map((mentor) => ({ name: mentor.name, handle: mentor.handle })),
    // An accepted project shows the slots it was given; before that, the slots asked for.
    slots: proposal.state === "accepted" ? proposal.slots : Number.isFinite(slots) ? slots : proposal.slotsRequested,
    // The preview shows the card as a new project starts: nobody has applied yet.
    applicants: { band: "fewer_than_5", label: APPLICANT_BAND_LABELS.fewer_than_5 },
    capReached: false,
  };
  const issues = draft.upstreamIssues.filter((url) => /^https?:\/\/\S+$/i.test(url.trim()));
  const savedAt = formatDateTime(new Date(proposal.updatedAt), viewerTimeZone());
  return (
    <section className="proposal-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <p className="muted small">
        {proposal.abilities.edit
          ? `As the public will see it once accepted. Title, skills and mentors follow what you type; the description and outcome are as of the last save (${savedAt}). Only mentors who confirm are shown publicly.`
          : "As the public will see it once accepted. Only mentors who confirm are shown publicly."}
        {proposal.pendingChange ? " The description and outcome here are the accepted ones, which the catalog keeps until an admin approves your change." : ""}
      </p>
      <h3 className="preview-label">Catalog card</h3>
      <div className="preview-frame">
        <ProjectCard project={card} selectedSkills={[]} />
      </div>
      <h3 className="preview-label">Project page</h3>
      <div className="preview-frame preview-page">
        <p className="preview-title">{card.title}</p>
        <p className="muted small">
          {proposal.organization.name} · {proposal.term.title}
          {draft.timeCommitment ? ` · ${draft.timeCommitment === "full_time" ? "full time" : "part time"}` : ""}
          {draft.hoursPerWeek.trim() ? `, ${draft.hoursPerWeek.trim()} hours a week` : ""}
        </p>
        <p className="preview-section">Description</p>
        {proposal.descriptionHtml ? <ServerSanitizedHtml html={proposal.descriptionHtml} /> : <p className="muted">No description saved yet.</p>}
        <p className="preview-section">Expected outcome</p>
        {proposal.expectedOutcomeHtml ? <ServerSanitizedHtml html={proposal.expectedOutcomeHtml} /> : <p className="muted">Not saved yet.</p>}
        <p className="preview-section">Mentors</p>
        <MentorList mentors={mentors} />
        {issues.length > 0 ? (
          <>
            <p className="preview-section">Upstream issues</p>
            <ul className="link-list">
              {issues.map((url) => (
                <li key={url}>{url.trim().replace(/^https?:\/\//, "")}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}
