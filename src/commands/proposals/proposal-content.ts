import { canonicalSkill } from "../../domain/canonical-skill.ts";
import { AppError, type FieldError } from "../../errors/app-error.ts";
import { renderProjectText } from "../../markdown/render-markdown.ts";
import type { ProposalQuestion, ProposalUpdateBody } from "../../schemas/proposal.ts";
import { findPersonByEmail, findPersonByHandle } from "../../storage/repos/account-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findOrCreatePerson } from "../../storage/repos/person-repo.ts";
import { type ProjectFields, replaceProjectSkills, replaceUpstreamLinks, updateProject } from "../../storage/repos/project-repo.ts";
import { type NamedMentorLink, replaceProjectQuestions, setProposalMentors } from "../../storage/repos/proposal-repo.ts";
import { ensureSkills } from "../../storage/repos/skill-repo.ts";
import { isValidEmail } from "../../termpages/mentors.ts";

// Writing what a maintainer typed into a project: the same skill matching, Markdown rendering
// and people matching as the term-page import, so a proposed project and an imported one are
// stored alike. The admin's approval of a pending change writes through here too.

const GITHUB_HANDLE = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/;

/** How a maintainer named a mentor: by address, or by GitHub handle. */
export type MentorName = { kind: "email"; email: string; namedAs: string } | { kind: "handle"; handle: string; namedAs: string };

/** Reads "ada@example.org", "@ada" or "ada" as an address or a handle; each bad one is a field error. */
export function readMentorNames(names: readonly string[], field = "mentors"): { names: MentorName[]; errors: FieldError[] } {
  const read: MentorName[] = [];
  const errors: FieldError[] = [];
  for (const [index, raw] of names.entries()) {
    const namedAs = raw.trim();
    const handle = GITHUB_HANDLE.exec(namedAs);
    if (namedAs.includes("@") && !namedAs.startsWith("@")) {
      if (isValidEmail(namedAs)) read.push({ kind: "email", email: namedAs, namedAs });
      else errors.push({ field: `${field}.${index}`, code: "invalid_mentor", detail: `"${namedAs}" is not an email address.` });
    } else if (handle?.[1]) {
      read.push({ kind: "handle", handle: handle[1], namedAs });
    } else {
      errors.push({
        field: `${field}.${index}`,
        code: "invalid_mentor",
        detail: `"${namedAs}" is neither an email address nor a GitHub handle; name the mentor by either.`,
      });
    }
  }
  return { names: read, errors };
}

/**
 * The people the names mean: an address or a handle someone on Cohort has (case-insensitive),
 * else, for an address, a new person without an account, who is asked by email once the
 * proposal is submitted. A handle nobody has is refused, naming the field: there would be no
 * way to ask that mentor. With `create: false` nothing is written (a pending change only checks).
 */
export async function resolveMentors(
  db: Db,
  names: readonly string[],
  at: Date,
  options: { field?: string; create?: boolean } = {},
): Promise<NamedMentorLink[]> {
  const field = options.field ?? "mentors";
  const { names: read, errors } = readMentorNames(names, field);
  const links: NamedMentorLink[] = [];
  for (const [index, name] of read.entries()) {
    if (name.kind === "handle") {
      const person = await findPersonByHandle(db, name.handle);
      if (person) links.push({ personId: person.id, namedAs: name.namedAs });
      else
        errors.push({
          field: `${field}.${index}`,
          code: "unknown_mentor",
          detail: `Nobody on Cohort has the GitHub handle @${name.handle}; name this mentor by email address so they can be asked.`,
        });
      continue;
    }
    const existing = await findPersonByEmail(db, name.email);
    if (existing) links.push({ personId: existing.id, namedAs: name.namedAs });
    else if (options.create !== false) {
      // No name yet: a person's name is public once they confirm, and the address must never be.
      const { person } = await findOrCreatePerson(db, { name: "", handle: null, email: name.email }, at);
      links.push({ personId: person.id, namedAs: name.namedAs });
    }
  }
  if (errors.length > 0) throw invalidFields(errors);
  return links;
}

/** A refusal naming each field at fault. */
export function invalidFields(errors: readonly FieldError[]): AppError {
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  return new AppError("INVALID_INPUT", first ? `${first.field}: ${first.detail}${more}` : "The proposal is not valid.", undefined, { errors });
}

/** Skills as typed, matched to tags like the import matches a page's: each kept in its own words. */
export async function writeProjectSkills(db: Db, projectId: number, phrases: readonly string[]): Promise<string> {
  const skills = phrases.flatMap((phrase) => {
    const skill = canonicalSkill(phrase);
    return skill?.isSkill ? [{ ...skill, originalText: phrase.trim() }] : [];
  });
  const ids = await ensureSkills(
    db,
    skills.map((skill) => skill.tag),
    new Map(skills.map((skill) => [skill.tag, skill.label])),
  );
  await replaceProjectSkills(
    db,
    projectId,
    skills.flatMap((skill) => {
      const skillId = ids.get(skill.tag);
      return skillId === undefined ? [] : [{ skillId, originalText: skill.originalText }];
    }),
  );
  // A phrase that is no skill ("passion for DevEx") stays in the words the catalog searches.
  return phrases.map((phrase) => phrase.trim()).join(", ");
}

/**
 * Writes the given fields of a proposal into its project: text (rendered to sanitized HTML and
 * a card summary once, here), skills, mentors (matched or created; each named before keeps their
 * answer), upstream links and questions. Returns the people newly named as mentors.
 */
export async function writeProposalContent(
  db: Db,
  project: { id: number; description: string; expectedOutcome: string },
  fields: ProposalUpdateBody,
  at: Date,
): Promise<{ addedMentors: number[] }> {
  const mentors = fields.mentors === undefined ? undefined : await resolveMentors(db, fields.mentors, at);
  const columns: Partial<ProjectFields> = {};
  if (fields.title !== undefined) columns.title = fields.title;
  if (fields.description !== undefined || fields.expectedOutcome !== undefined) {
    const description = fields.description ?? project.description;
    const expectedOutcome = fields.expectedOutcome ?? project.expectedOutcome;
    Object.assign(columns, { description, expectedOutcome, ...renderProjectText({ description, expectedOutcome }) });
  }
  if (fields.slotsRequested !== undefined) columns.slotsRequested = fields.slotsRequested;
  if (fields.timeCommitment !== undefined) columns.timeCommitment = fields.timeCommitment;
  if (fields.hoursPerWeek !== undefined) columns.hoursPerWeek = fields.hoursPerWeek;
  if (fields.skills !== undefined) columns.skillsText = await writeProjectSkills(db, project.id, fields.skills);
  // The project's row changes with every write, so its updatedAt (and a cached term) moves on.
  await updateProject(db, project.id, columns, at);
  if (fields.upstreamIssues !== undefined) await replaceUpstreamLinks(db, project.id, fields.upstreamIssues);
  if (fields.questions !== undefined) await replaceProjectQuestions(db, project.id, fields.questions.map(questionRow));
  const addedMentors = mentors === undefined ? [] : await setProposalMentors(db, project.id, mentors);
  return { addedMentors };
}

function questionRow(question: ProposalQuestion) {
  return { ...question, choices: question.kind === "choice" ? question.choices : [] };
}
