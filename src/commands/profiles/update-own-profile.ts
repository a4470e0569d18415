import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonByHandle, type PersonChanges, updatePerson } from "../../storage/repos/account-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { PersonRow } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { normalizeSkill } from "../../termpages/index.ts";

/** What a person may change on their own profile. */
export interface ProfileChanges {
  name?: string | undefined;
  githubHandle?: string | null | undefined;
  timeZone?: string | null | undefined;
  country?: string | null | undefined;
  skills?: string[] | undefined;
  pronouns?: string | null | undefined;
  portfolioUrl?: string | null | undefined;
  cvUrl?: string | null | undefined;
}

/**
 * Changes the signed-in person's profile. A GitHub handle another person holds is CONFLICT;
 * skills are stored as normalized tags, so "Golang" and "Go" are one.
 */
export async function updateOwnProfile(options: { database: DatabaseHandle; actor: SignedIn; changes: ProfileChanges; now: Date }): Promise<PersonRow> {
  const { changes, actor, now } = options;
  return inTransaction(options.database, async (db) => {
    if (changes.githubHandle) {
      const holder = await findPersonByHandle(db, changes.githubHandle);
      if (holder && holder.id !== actor.personId) {
        throw new AppError(
          "CONFLICT",
          `The GitHub handle ${changes.githubHandle} belongs to another person in Cohort; if it is yours, ask a program admin to merge the two.`,
        );
      }
    }
    const update: PersonChanges = {};
    if (changes.name !== undefined) update.name = changes.name.trim();
    if (changes.githubHandle !== undefined) update.githubHandle = changes.githubHandle;
    if (changes.timeZone !== undefined) update.timeZone = changes.timeZone;
    if (changes.country !== undefined) update.country = changes.country;
    // An emptied field is no field: the profile shows nothing rather than an empty line.
    if (changes.pronouns !== undefined) update.pronouns = changes.pronouns?.trim() || null;
    if (changes.portfolioUrl !== undefined) update.portfolioUrl = changes.portfolioUrl;
    if (changes.cvUrl !== undefined) update.cvUrl = changes.cvUrl;
    if (changes.skills !== undefined) {
      const tags = [...new Set(changes.skills.map((skill) => normalizeSkill(skill)).filter((tag): tag is string => Boolean(tag)))];
      update.skills = JSON.stringify(tags);
    }
    const person = await updatePerson(db, actor.personId, update, now);
    await recordAuditEvent(db, {
      programId: null,
      actor: { personId: actor.personId, label: actor.name },
      action: "profile.updated",
      objectType: "person",
      objectId: actor.personId,
      changes: { ...update, ...(update.skills ? { skills: JSON.parse(update.skills) } : {}) },
      at: now,
    });
    return person;
  });
}
