import { canonicalSkill } from "../../domain/canonical-skill.ts";
import { skillVariants } from "../../domain/term-report.ts";
import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listTimeline } from "../../storage/repos/term-repo.ts";
import {
  countApplicantsBySkill,
  countTermFunnel,
  listApplicantSkillTexts,
  listProjectCrowding,
  listSkillsAsked,
} from "../../storage/repos/term-report-repo.ts";
import type { SkillDemandRow, TermReportData } from "../../storage/schema.ts";
import { toTermTimeline } from "../catalog/term-timelines.ts";
import { requireTermAdmin } from "../terms/term-admin.ts";

/**
 * A term's report for its program's admins: how many reached each step from proposal to paid
 * stipend, every accepted project by its applications, and each skill the projects ask for
 * against how many applicants list it. Every number is counted by a grouped query.
 */
export async function getTermReport(options: { database: DatabaseHandle; actor: Actor; termSlug: string }): Promise<TermReportData> {
  const db = options.database.db;
  const { term, program } = await requireTermAdmin(db, options.actor, options.termSlug);
  const [phases, funnel, projects, skills] = await Promise.all([
    listTimeline(db, term.id),
    countTermFunnel(db, term.id),
    listProjectCrowding(db, term.id),
    countSkillDemand(db, term.id),
  ]);
  return { term, program, timeline: toTermTimeline(term, phases), funnel, projects, skills };
}

/**
 * Each skill asked for with its applicants. A profile's skills are stored as tags already; an
 * older profile's own wording is read as the tag it stands for (domain/canonical-skill.ts), so
 * "Golang" counts for "go".
 */
async function countSkillDemand(db: Db, termId: number): Promise<SkillDemandRow[]> {
  const [asked, written] = await Promise.all([listSkillsAsked(db, termId), listApplicantSkillTexts(db, termId)]);
  const variants = skillVariants(
    written,
    asked.map((skill) => skill.tag),
    (text) => canonicalSkill(text)?.tag ?? null,
  );
  const holders = await countApplicantsBySkill(db, termId, variants);
  return asked.map((skill) => ({ ...skill, applicants: holders.get(skill.tag) ?? 0 }));
}
