/** The audit log's filters as the page's URL holds them: dates are days in the viewer's zone. */
export interface AuditFilter {
  action: string;
  objectType: string;
  /** The acting person's id, as text ("" for anyone). */
  actor: string;
  /** First day, YYYY-MM-DD, or "". */
  from: string;
  /** Last day (included), YYYY-MM-DD, or "". */
  to: string;
  page: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from the page's query string, dropping values the API would refuse. */
export function readAuditFilter(search: string): AuditFilter {
  const params = new URLSearchParams(search);
  const day = (name: string) => {
    const value = params.get(name) ?? "";
    return DAY.test(value) ? value : "";
  };
  const actor = params.get("actor") ?? "";
  const page = Number(params.get("page") ?? "1");
  return {
    action: (params.get("action") ?? "").trim(),
    objectType: (params.get("objectType") ?? "").trim(),
    actor: /^[1-9]\d*$/.test(actor) ? actor : "",
    from: day("from"),
    to: day("to"),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The page's query string for a filter, without empty values or page 1. */
export function writeAuditFilter(filter: AuditFilter): string {
  const params = new URLSearchParams();
  if (filter.action) params.set("action", filter.action);
  if (filter.objectType) params.set("objectType", filter.objectType);
  if (filter.actor) params.set("actor", filter.actor);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.page > 1) params.set("page", String(filter.page));
  return params.toString();
}

/** Midnight at the start of a YYYY-MM-DD day in the viewer's zone. */
function startOfDay(day: string, plusDays = 0): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + plusDays);
}

/** The API's query for a filter: days become instants, the last day is included whole. */
export function auditApiQuery(filter: AuditFilter, limit: number): string {
  const params = new URLSearchParams();
  if (filter.action) params.set("action", filter.action);
  if (filter.objectType) params.set("objectType", filter.objectType);
  if (filter.actor) params.set("actor", filter.actor);
  if (filter.from) params.set("from", startOfDay(filter.from).toISOString());
  if (filter.to) params.set("to", startOfDay(filter.to, 1).toISOString());
  params.set("page", String(filter.page));
  params.set("limit", String(limit));
  return params.toString();
}

/** True when any filter narrows the log. */
export function isAuditFiltered(filter: AuditFilter): boolean {
  return Boolean(filter.action || filter.objectType || filter.actor || filter.from || filter.to);
}
