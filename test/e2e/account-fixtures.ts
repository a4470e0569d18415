import type { BrowserContext } from "playwright-core";
import { expect } from "vitest";
import { listOutbox } from "../../src/storage/repos/outbox-repo.ts";
import { OPEN_TERM } from "../helpers/web-server.ts";
import { PASSWORD, signInAsNewAdmin } from "./accounts.ts";
import type { WebApp } from "./support.ts";

/** A signed-in browser's cookies, to start other contexts with. */
export type SignedInState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** What the account and admin pages need to show something: an admin's session with data, and an open invitation. */
export interface AccountFixtures {
  /** A program admin of OPEN_TERM's program, with an API token and one invitation sent. */
  admin: SignedInState;
  /** The token of the admin's open invitation of newcomer@example.org, as a maintainer of Harbor. */
  invitationToken: string;
}

/** The program admin of the fixtures. */
export const FIXTURE_ADMIN = { name: "Ines Admin", email: "ines@example.org", password: PASSWORD };

/** Creates the fixtures through the API: the admin signs in, invites a maintainer and creates a token. */
export async function prepareAccountFixtures(app: WebApp): Promise<AccountFixtures> {
  const server = app.server();
  const { context } = await app.newPage();
  await signInAsNewAdmin(server, context, FIXTURE_ADMIN, OPEN_TERM.program);
  const me = (await (await context.request.get(`${server.url}/api/me`)).json()) as { csrfToken: string };
  const headers = { "x-csrf-token": me.csrfToken };
  const invitation = await context.request.post(`${server.url}/api/programs/${OPEN_TERM.program}/invitations`, {
    headers,
    data: { email: "newcomer@example.org", role: "maintainer", organization: "harbor" },
  });
  expect(invitation.status()).toBe(201);
  const token = await context.request.post(`${server.url}/api/me/tokens`, { headers, data: { name: "Nightly export", scope: "read" } });
  expect(token.status()).toBe(201);
  const { items } = await listOutbox(server.database.db, { limit: 50, offset: 0 });
  const invitationToken = items.find((item) => item.recipientEmail === "newcomer@example.org")?.bodyText.match(/\/invitations#token=([\w-]+)/)?.[1];
  if (!invitationToken) throw new Error("the invitation email is not in the outbox");
  return { admin: await context.storageState(), invitationToken };
}
