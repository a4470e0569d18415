/** What the catalog shows: the search words, the ticked facets and the page, all read from the URL. */
export interface CatalogFilter {
  q: string;
  skills: string[];
  orgs: string[];
  page: number;
}

/** Reads the filter from a query string such as "q=cli&skill=go&org=harbor&page=2". */
export function readFilter(search: string): CatalogFilter {
  const params = new URLSearchParams(search);
  const page = Number(params.get("page") ?? "1");
  return {
    q: (params.get("q") ?? "").trim(),
    skills: unique(params.getAll("skill").filter(Boolean)),
    orgs: unique(params.getAll("org").filter(Boolean)),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** Writes the filter back as a query string, leaving out what is empty so links stay short. */
export function writeFilter(filter: CatalogFilter): string {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  for (const skill of filter.skills) params.append("skill", skill);
  for (const org of filter.orgs) params.append("org", org);
  if (filter.page > 1) params.set("page", String(filter.page));
  return params.toString();
}

/** True when any search word or facet narrows the catalog. */
export function isFiltered(filter: CatalogFilter): boolean {
  return filter.q !== "" || filter.skills.length > 0 || filter.orgs.length > 0;
}

/** The list with the value added, or removed when it was there. */
export function toggled(list: string[], value: string): string[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
