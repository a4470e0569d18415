import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";

describe.each(testDialects())("what the server can do, on %s", (dialect) => {
  let withoutSmtp: TestApp;
  let withSmtp: TestApp;
  beforeAll(async () => {
    withoutSmtp = await createTestApp(dialect);
    withSmtp = await createTestApp(dialect, { config: { smtpUrl: "smtp://mail.example.org:587" } });
  });
  afterAll(async () => {
    await withoutSmtp.dispose();
    await withSmtp.dispose();
  });

  it("tells anyone, signed in or not, that a server without SMTP sends no email", async () => {
    const response = await withoutSmtp.app.inject({ method: "GET", url: "/api/server" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ sendsEmail: false });
  });

  it("says a server with SMTP sends email", async () => {
    const response = await withSmtp.app.inject({ method: "GET", url: "/api/server" });
    expect(response.json()).toEqual({ sendsEmail: true });
  });

  it("gives away nothing of the SMTP configuration", async () => {
    const response = await withSmtp.app.inject({ method: "GET", url: "/api/server" });
    expect(response.body).not.toContain("mail.example.org");
  });
});
