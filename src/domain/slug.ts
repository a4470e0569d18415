/**
 * A URL-safe identifier from a title: lower case, ASCII letters and digits joined by single
 * hyphens, at most `max` characters ("Jaeger-V2 Kafka-based architecture" → "jaeger-v2-kafka-based-architecture").
 */
export function slugify(text: string, max = 80): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, max).replace(/-+$/, "");
}

/** A slug not in `taken`: the slug itself, or it with "-2", "-3", ... appended. */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n += 1) {
    const candidate = `${slug}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The slug of a term from where its page lives in a program's repository:
 * ".../2024/02-Jun-Aug/README.md" → "2024-02-jun-aug", ".../2019/README.md" → "2019".
 * Null when the path has no year folder.
 */
export function termSlugFromPath(filePath: string): string | null {
  const parts = filePath.split(/[\\/]/).filter(Boolean);
  parts.pop();
  const yearIndex = parts.findLastIndex((part) => /^(19|20)\d{2}$/.test(part));
  if (yearIndex < 0) return null;
  return slugify(parts.slice(yearIndex).join("-"));
}
