import { sortTermsNewestFirst } from "../../domain/current-term.ts";
import type { TermTimeline } from "../../domain/timeline.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findOtherHolderOf, listPageContactsOf, setPageEmail } from "../../storage/repos/person-repo.ts";
import { mapTimelines } from "../../storage/repos/term-repo.ts";
import type { PersonRow } from "../../storage/schema.ts";
import { isValidEmail } from "../../termpages/mentors.ts";
import { toTermTimeline } from "../catalog/term-timelines.ts";

/** A person a page named, and how to point at them in a finding ("@vad1mo (line 177)"). */
export interface NamedMentor {
  person: Pick<PersonRow, "id" | "email" | "passwordHash" | "emailVerifiedAt">;
  label: string;
}

/**
 * Gives each person a page named the address of the newest term page (by its dates) that gave
 * them one, whatever order the pages are imported in. A person with an account keeps their own.
 * An address another person holds stays with them and the import goes on: each such clash is
 * returned as one sentence for the file's report. Projects show their own page's address
 * whatever happens here (`project_mentors.contact_email`).
 */
export async function refreshMentorEmails(trx: Db, named: readonly NamedMentor[], at: Date): Promise<string[]> {
  const people = new Map<number, NamedMentor>();
  for (const entry of named) if (!hasAccount(entry.person) && !people.has(entry.person.id)) people.set(entry.person.id, entry);
  const newest = await newestPageEmails(trx, [...people.keys()]);
  let pending = [...people.values()].flatMap(({ person, label }) => {
    const email = newest.get(person.id);
    return email && email.toLowerCase() !== person.email?.toLowerCase() ? [{ personId: person.id, label, email }] : [];
  });
  // An address moving from one person to another on the same page frees up once its holder has
  // moved on, so the people still waiting try again while a round makes progress.
  for (let moved = true; moved && pending.length > 0; ) {
    const waiting: typeof pending = [];
    for (const change of pending) {
      if (await findOtherHolderOf(trx, change.email, change.personId)) waiting.push(change);
      else await setPageEmail(trx, change.personId, change.email, at);
    }
    moved = waiting.length < pending.length;
    pending = waiting;
  }
  const notes: string[] = [];
  for (const change of pending) {
    const holder = await findOtherHolderOf(trx, change.email, change.personId);
    const who = holder ? (holder.githubHandle ? `@${holder.githubHandle}` : holder.name) : "another person";
    notes.push(`Mentor ${change.label}: ${change.email} belongs to ${who} in Cohort, so the project shows it and ${who} keeps it.`);
  }
  return notes;
}

function hasAccount(person: NamedMentor["person"]): boolean {
  return person.passwordHash !== null || person.emailVerifiedAt !== null;
}

/** Each person's address from the newest term that gave them one; within a term, the first project on its page. */
async function newestPageEmails(trx: Db, personIds: readonly number[]): Promise<Map<number, string>> {
  const contacts = await listPageContactsOf(trx, personIds);
  const phases = await mapTimelines(trx, [...new Set(contacts.map((contact) => contact.termId))]);
  const byPerson = new Map<number, Array<{ key: string; timeline: TermTimeline; email: string }>>();
  for (const contact of contacts) {
    // A page's malformed address ("cy@localhost") is shown on its project as written, but reaches nobody.
    if (!isValidEmail(contact.contactEmail)) continue;
    const list = byPerson.get(contact.personId) ?? [];
    byPerson.set(contact.personId, list);
    // Contacts come in page order, so the first of a term is the first project that gave an address.
    if (list.some((entry) => entry.key === contact.termSlug)) continue;
    const timeline = toTermTimeline({ title: contact.termTitle, timeZone: contact.termTimeZone }, phases.get(contact.termId) ?? []);
    list.push({ key: contact.termSlug, timeline, email: contact.contactEmail });
  }
  const newest = new Map<number, string>();
  for (const [personId, list] of byPerson) {
    const [first] = sortTermsNewestFirst(list);
    if (first) newest.set(personId, first.email);
  }
  return newest;
}
