import { describe, expect, it } from "vitest";
import { changedFields } from "./changed-fields.ts";

describe("changedFields", () => {
  it("keeps only what differs from the stored row, with its before and after", () => {
    const stored = { name: "Harbor", website: null as string | null, projectQuota: 3 as number | null };
    const { values, audit } = changedFields(stored, { name: "Harbor", website: "https://goharbor.io", projectQuota: null });
    expect(values).toEqual({ website: "https://goharbor.io", projectQuota: null });
    expect(audit).toEqual({ website: { before: null, after: "https://goharbor.io" }, projectQuota: { before: 3, after: null } });
  });

  it("leaves out what the request did not send", () => {
    expect(changedFields({ name: "Harbor" }, { name: undefined })).toEqual({ values: {}, audit: {} });
  });
});
