import { Link } from "wouter";
import type { ProgramMentorshipsResponse } from "../../../../src/schemas/program-mentorships.ts";
import { useApi } from "../../api/use-api.ts";
import { adminPaths } from "./admin-frame.tsx";
import { programMentorshipApi } from "./program-mentorship-api.ts";
import "../mentorships/mentorships.css";

/** On the admins' home page: how many evaluations are overdue, linked to the overview; nothing when none. */
export function OverdueEvaluationsNote({ program }: { program: string }) {
  const found = useApi<ProgramMentorshipsResponse>(programMentorshipApi.mentorships(program));
  const overdue = found.data?.overdue ?? 0;
  if (overdue === 0) return null;
  return (
    <p className="notice overdue-note" role="note">
      {overdue} evaluation{overdue === 1 ? " is" : "s are"} overdue. <Link href={adminPaths.mentorships(program)}>See the mentorships</Link>
    </p>
  );
}
