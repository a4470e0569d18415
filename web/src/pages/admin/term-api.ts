/** Paths of a term's setup routes, for its admins' pages. */
const base = (term: string) => `/api/terms/${encodeURIComponent(term)}`;

/** GET and PATCH: the term as its admins edit it. */
export const termSetupPath = (term: string) => `${base(term)}/setup`;
/** POST: publishes a draft. */
export const termPublishPath = (term: string) => `${base(term)}/publish`;
/** POST: a new term like this one. */
export const termCopyPath = (term: string) => `${base(term)}/copy`;
