/** What is wrong with a strict order sent for a set of ids: an id outside the set, an id twice, or ids of the set left out. */
export type OrderProblem = { code: "not_in_set" | "duplicate"; index: number; id: number } | { code: "missing"; ids: number[] };

/**
 * Checks that `sent` orders exactly the ids of `current`, each once: a ranking of a shortlist, or
 * of an applicant's own applications. Sending the whole set, not a move, means two people ranking
 * at once cannot lose an id between them: the second is told what changed.
 */
export function strictOrderProblems(sent: readonly number[], current: readonly number[]): OrderProblem[] {
  const known = new Set(current);
  const seen = new Set<number>();
  const problems: OrderProblem[] = [];
  for (const [index, id] of sent.entries()) {
    if (!known.has(id)) problems.push({ code: "not_in_set", index, id });
    else if (seen.has(id)) problems.push({ code: "duplicate", index, id });
    seen.add(id);
  }
  const missing = current.filter((id) => !seen.has(id));
  if (missing.length > 0) problems.push({ code: "missing", ids: missing });
  return problems;
}

/** What to call each kind of fault of an order, for its field error. */
export interface OrderWords {
  /** The code of an id outside the set, e.g. "not_shortlisted". */
  outsideCode: string;
  outside(id: number): string;
  duplicate(id: number): string;
  missing(ids: number[]): string;
}

/** The faults of an order as field errors of its `applications` list, each saying what to fix. */
export function orderFieldErrors(problems: readonly OrderProblem[], words: OrderWords): Array<{ field: string; code: string; detail: string }> {
  return problems.map((problem) => {
    if (problem.code === "missing") return { field: "applications", code: "missing", detail: words.missing(problem.ids) };
    const field = `applications.${problem.index}`;
    if (problem.code === "duplicate") return { field, code: "duplicate", detail: words.duplicate(problem.id) };
    return { field, code: words.outsideCode, detail: words.outside(problem.id) };
  });
}
