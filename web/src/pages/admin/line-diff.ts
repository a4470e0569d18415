/** One line of a diff: kept, removed from the text before, or added in the text after. */
export interface DiffLine {
  kind: "same" | "removed" | "added";
  text: string;
}

/** Beyond this many line pairs the diff does not look for common lines: it shows the whole text before and after. */
const MAX_PAIRS = 250_000;

/**
 * The lines of `before` and `after` as a diff a person reads top to bottom: the longest run of
 * common lines kept, and around them what was removed (first) and added. Texts too long to
 * compare line by line in a moment show as all removed, then all added.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === "" ? [] : before.split("\n");
  const b = after === "" ? [] : after.split("\n");
  if (a.length * b.length > MAX_PAIRS) {
    return [...a.map((text) => ({ kind: "removed" as const, text })), ...b.map((text) => ({ kind: "added" as const, text }))];
  }
  // common[i][j]: the length of the longest common subsequence of a[i..] and b[j..].
  const common: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = common[i] ?? [];
    const below = common[i + 1] ?? [];
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i] ?? "";
    const right = b[j] ?? "";
    if (left === right) {
      lines.push({ kind: "same", text: left });
      i++;
      j++;
    } else if ((common[i + 1]?.[j] ?? 0) >= (common[i]?.[j + 1] ?? 0)) {
      lines.push({ kind: "removed", text: left });
      i++;
    } else {
      lines.push({ kind: "added", text: right });
      j++;
    }
  }
  for (; i < a.length; i++) lines.push({ kind: "removed", text: a[i] ?? "" });
  for (; j < b.length; j++) lines.push({ kind: "added", text: b[j] ?? "" });
  return lines;
}

/** A list (skills, mentors) before and after as a diff of one item per line, so the same view shows both kinds of field. */
export function listDiff(before: readonly string[], after: readonly string[]): DiffLine[] {
  return lineDiff(before.join("\n"), after.join("\n"));
}
