import type { ApplicationState } from "../../src/domain/application-states.ts";
import { insertAccount, updatePerson } from "../../src/storage/repos/account-repo.ts";
import type { Db } from "../../src/storage/repos/db.ts";
import type { PersonRow } from "../../src/storage/schema.ts";

/** Adds a person who applies, with a verified address and, when given, their own time zone. */
export async function insertApplicant(db: Db, input: { name: string; email: string; timeZone?: string; at: Date }): Promise<PersonRow> {
  const person = await insertAccount(db, { name: input.name, email: input.email, passwordHash: null, emailVerifiedAt: input.at.toISOString(), at: input.at });
  return input.timeZone ? updatePerson(db, person.id, { timeZone: input.timeZone }, input.at) : person;
}

/** Writes an application row in a state as it stands, the way the application commands leave it. */
export async function insertApplicationRow(
  db: Db,
  input: { termId: number; projectId: number; personId: number; state: ApplicationState; at: Date },
): Promise<number> {
  const at = input.at.toISOString();
  const row = await db
    .insertInto("applications")
    .values({
      termId: input.termId,
      projectId: input.projectId,
      personId: input.personId,
      state: input.state,
      createdAt: at,
      updatedAt: at,
      submittedAt: input.state === "draft" ? null : at,
      withdrawnAt: input.state === "withdrawn" ? at : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes an application's state, as submitting or withdrawing it does. */
export async function setApplicationState(db: Db, applicationId: number, state: ApplicationState, at: Date): Promise<void> {
  await db.updateTable("applications").set({ state, updatedAt: at.toISOString() }).where("id", "=", applicationId).execute();
}
