import type { InstallmentRule, StipendPolicy } from "../../domain/stipends.ts";
import type { Db } from "./db.ts";

/** A program's stipend policy with its country table and who changed it last, or undefined before it is set. */
export async function findStipendPolicy(db: Db, programId: number) {
  const [row, multipliers] = await Promise.all([
    db
      .selectFrom("stipendPolicies")
      .leftJoin("people", "people.id", "stipendPolicies.updatedBy")
      .selectAll("stipendPolicies")
      .select("people.name as updatedByName")
      .where("stipendPolicies.programId", "=", programId)
      .executeTakeFirst(),
    db.selectFrom("stipendMultipliers").select(["country", "basisPoints"]).where("programId", "=", programId).orderBy("country").execute(),
  ]);
  if (!row) return undefined;
  const policy: StipendPolicy = {
    currency: row.currency,
    baseAmount: row.baseAmount,
    installments: JSON.parse(row.installments) as InstallmentRule[],
    multipliers: new Map(multipliers.map((item) => [item.country, item.basisPoints])),
  };
  return { policy, updatedAt: row.updatedAt, updatedBy: row.updatedByName };
}

/** Writes a program's currency, base amount and installments (the country table is kept). */
export async function saveStipendTerms(
  db: Db,
  input: { programId: number; currency: string; baseAmount: number; installments: readonly InstallmentRule[]; personId: number; at: Date },
): Promise<void> {
  const values = {
    currency: input.currency,
    baseAmount: input.baseAmount,
    installments: JSON.stringify(input.installments.map(({ basisPoints, releasedBy }) => ({ basisPoints, releasedBy }))),
    updatedBy: input.personId,
    updatedAt: input.at.toISOString(),
  };
  await db
    .insertInto("stipendPolicies")
    .values({ programId: input.programId, ...values })
    .onConflict((conflict) => conflict.column("programId").doUpdateSet(values))
    .execute();
}

/** Replaces a program's country table and marks the policy changed. */
export async function replaceStipendMultipliers(
  db: Db,
  input: { programId: number; multipliers: ReadonlyMap<string, number>; personId: number; at: Date },
): Promise<void> {
  await db.deleteFrom("stipendMultipliers").where("programId", "=", input.programId).execute();
  const rows = [...input.multipliers].map(([country, basisPoints]) => ({ programId: input.programId, country, basisPoints }));
  // Three values a row keep one insert well under SQLite's limit of bound values.
  for (let from = 0; from < rows.length; from += 1000)
    await db
      .insertInto("stipendMultipliers")
      .values(rows.slice(from, from + 1000))
      .execute();
  await db
    .updateTable("stipendPolicies")
    .set({ updatedBy: input.personId, updatedAt: input.at.toISOString() })
    .where("programId", "=", input.programId)
    .execute();
}
