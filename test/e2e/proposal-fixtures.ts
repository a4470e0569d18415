import type { APIRequestContext } from "playwright-core";
import { expect } from "vitest";
import type { ProposalCreateBody } from "../../src/schemas/proposal.ts";
import { listOutbox } from "../../src/storage/repos/outbox-repo.ts";
import { OPEN_TERM, type WebServer } from "../helpers/web-server.ts";
import type { SignedInState } from "./account-fixtures.ts";
import { PASSWORD, signInAsNewAdmin, signUpThroughApi } from "./accounts.ts";
import type { WebApp } from "./support.ts";

/** What the proposal pages need to show something: an admin, a maintainer of Harbor, proposals in each state, a mentor's link. */
export interface ProposalFixtures {
  admin: SignedInState;
  /** A maintainer of Harbor, who is also named as a mentor on the submitted proposal. */
  maintainer: SignedInState;
  draft: string;
  submitted: string;
  /** An accepted project whose maintainer's edit waits for approval. */
  accepted: string;
  /** The token of the emailed link that asks a mentor of the submitted proposal to confirm. */
  mentorToken: string;
}

async function tokenIn(server: WebServer, email: string, path: string): Promise<string> {
  const { items } = await listOutbox(server.database.db, { limit: 200, offset: 0 });
  const token = items
    .filter((item) => item.recipientEmail === email)
    .map((item) => item.bodyText.match(new RegExp(`${path}#token=([\\w-]+)`))?.[1])
    .find(Boolean);
  if (!token) throw new Error(`no email to ${email} with a ${path} link in the outbox`);
  return token;
}

async function csrf(request: APIRequestContext, server: WebServer): Promise<Record<string, string>> {
  const me = (await (await request.get(`${server.url}/api/me`)).json()) as { csrfToken: string };
  return { "x-csrf-token": me.csrfToken };
}

/** A proposal for Harbor as the fixtures write it, with every field filled. */
function proposalBody(title: string, mentors: string[]): ProposalCreateBody {
  return {
    organization: "harbor",
    title,
    description: "Harbor replicates images between registries.\n\nThis project makes **replication** resume after a network failure instead of starting over.",
    expectedOutcome: "- Resumable replication jobs\n- Tests and docs, merged upstream",
    skills: ["Go", "Kubernetes", "container registries"],
    mentors,
    upstreamIssues: ["https://github.com/goharbor/harbor/issues/101"],
    slotsRequested: 2,
    timeCommitment: "part_time",
    hoursPerWeek: 20,
    questions: [
      { section: "task", kind: "url", prompt: "Fix a good first issue and link the pull request", choices: [], required: true },
      {
        section: "question",
        kind: "choice",
        prompt: "Which time zone are you in?",
        choices: ["Americas", "Europe and Africa", "Asia and Oceania"],
        required: true,
      },
    ],
  };
}

/**
 * Creates the fixtures through the API: the admin invites a maintainer of Harbor, who signs up
 * and accepts; the admin (whose proposals are not held to the closed proposals phase) writes a
 * draft, a submitted proposal and one it accepts, whose maintainer then edits its description.
 */
export async function prepareProposalFixtures(app: WebApp): Promise<ProposalFixtures> {
  const server = app.server();
  const admin = (await app.newPage()).context;
  await signInAsNewAdmin(server, admin, { name: "Pia Admin", email: "pia@example.org", password: PASSWORD }, OPEN_TERM.program);
  const adminHeaders = await csrf(admin.request, server);
  const invited = await admin.request.post(`${server.url}/api/programs/${OPEN_TERM.program}/invitations`, {
    headers: adminHeaders,
    data: { email: "mia@example.org", role: "maintainer", organization: "harbor" },
  });
  expect(invited.status()).toBe(201);

  const maintainer = (await app.newPage()).context;
  await signUpThroughApi(server, maintainer, { name: "Mia Maintainer", email: "mia@example.org", password: PASSWORD });
  const maintainerHeaders = await csrf(maintainer.request, server);
  const accepted = await maintainer.request.post(`${server.url}/api/invitations/accept`, {
    headers: maintainerHeaders,
    data: { token: await tokenIn(server, "mia@example.org", "/invitations") },
  });
  expect(accepted.status()).toBe(200);

  const create = async (title: string, mentors: string[]) => {
    const response = await admin.request.post(`${server.url}/api/terms/${OPEN_TERM.term}/proposals`, {
      headers: adminHeaders,
      data: proposalBody(title, mentors),
    });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { slug: string }).slug;
  };
  const post = async (path: string, data?: unknown) => {
    const response = await admin.request.post(`${server.url}${path}`, { headers: adminHeaders, ...(data ? { data } : {}) });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  };

  const draft = await create("Resumable image replication", ["mia@example.org", "ben@example.org"]);
  const submitted = await create("Replication dashboards", ["mia@example.org", "ben@example.org"]);
  await post(`/api/proposals/${submitted}/submit`);
  const acceptedSlug = await create("Harbor CLI plugins", ["cara@example.org"]);
  await post(`/api/proposals/${acceptedSlug}/submit`);
  await post("/api/mentor-confirmations/answer", {
    token: await tokenIn(server, "cara@example.org", "/mentor-confirmations"),
    answer: "confirm",
    name: "Cara Mentor",
  });
  await post(`/api/proposals/${acceptedSlug}/accept`, { slots: 1 });
  const edit = await maintainer.request.patch(`${server.url}/api/proposals/${acceptedSlug}`, {
    headers: maintainerHeaders,
    data: {
      description: "Harbor replicates images between registries.\n\nThis project adds a plugin system to the Harbor CLI, so teams ship their own commands.",
    },
  });
  expect(edit.status(), await edit.text()).toBe(200);

  return {
    admin: await admin.storageState(),
    maintainer: await maintainer.storageState(),
    draft,
    submitted,
    accepted: acceptedSlug,
    mentorToken: await tokenIn(server, "ben@example.org", "/mentor-confirmations"),
  };
}
