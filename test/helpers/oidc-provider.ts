import { generateKeyPairSync, randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The claims a test account of the provider hands out (besides `sub`, which is its id). */
export interface TestOidcClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

/** Options of the test provider. */
export interface TestOidcProviderOptions {
  /** Accounts by id (the `sub`); tests may change them between sign-ins. */
  accounts: Record<string, TestOidcClaims>;
  /**
   * Put the email and profile claims in the ID token (as most providers do); false keeps them
   * in UserInfo only, as the core spec has it for the code flow.
   */
  claimsInIdToken?: boolean;
}

/** A real OpenID provider (oidc-provider) on loopback, with one confidential client. */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestOidcClaims>;
  /**
   * Registers the client's redirect URI (known once the app under test listens) and starts
   * answering; until then every request gets 503, like a provider that is down.
   */
  allowRedirectUri(uri: string): void;
  /** Who the next login interaction signs in as, or "deny" to answer access_denied. */
  signInAs(accountId: string | "deny"): void;
  close(): Promise<void>;
}

// oidc-provider ships no types: the few parts used here, typed by hand.
interface Grant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface InteractionContext {
  oidc: { client: { clientId: string }; session: { accountId?: string } };
}
interface Interaction {
  prompt: { name: string };
  params: { client_id?: unknown };
  session?: { accountId?: string };
}
interface Provider {
  callback(): (request: IncomingMessage, response: ServerResponse) => void;
  interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<Interaction>;
  interactionFinished(request: IncomingMessage, response: ServerResponse, result: object, options: { mergeWithLastSubmission: boolean }): Promise<void>;
  Grant: new (input: { accountId: string; clientId: string }) => Grant;
}
type ProviderConstructor = new (issuer: string, configuration: object) => Provider;

const SCOPE = "openid email profile";

/** Lifetimes of the provider's artifacts, in seconds: set so it does not warn about its defaults. */
const TTL = { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 };

/** Artifacts of one provider, in memory; set so the provider does not warn about its quick-start store. */
class MemoryStore {
  private readonly rows = new Map<string, Record<string, unknown>>();
  constructor(private readonly model: string) {}
  async upsert(id: string, payload: Record<string, unknown>): Promise<void> {
    this.rows.set(id, payload);
  }
  async find(id: string): Promise<Record<string, unknown> | undefined> {
    return this.rows.get(id);
  }
  async findByUid(uid: string): Promise<Record<string, unknown> | undefined> {
    return [...this.rows.values()].find((row) => row.uid === uid);
  }
  async findByUserCode(userCode: string): Promise<Record<string, unknown> | undefined> {
    return [...this.rows.values()].find((row) => row.userCode === userCode);
  }
  async consume(id: string): Promise<void> {
    const row = this.rows.get(id);
    if (row) row.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string): Promise<void> {
    this.rows.delete(id);
  }
  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [id, row] of this.rows) if (row.grantId === grantId) this.rows.delete(id);
  }
  toString(): string {
    return `MemoryStore(${this.model})`;
  }
}

/**
 * Starts oidc-provider on 127.0.0.1 and a free port. Its login interaction signs in the account
 * chosen with `signInAs` at once (no form), and consent is granted for the one client, so a
 * test drives the whole flow with HTTP requests. PKCE is required, as Cohort always sends it.
 */
export async function startTestOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  // A variable specifier: the package has no type declarations, so it is typed by the cast.
  const specifier: string = "oidc-provider";
  const { Provider } = (await import(specifier)) as { Provider: ProviderConstructor };
  const accounts = new Map(Object.entries(options.accounts));
  const clientId = "cohort-test";
  const clientSecret = `oidc-secret-${randomBytes(16).toString("hex")}`;
  let provider: Provider | undefined;
  let handler: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
  let next: string = "deny";
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

  const server = http.createServer((request, response) => {
    if (!provider || !handler) {
      response.writeHead(503, { "content-type": "text/plain" }).end("not ready");
      return;
    }
    if (request.url?.startsWith("/interaction/")) {
      finishInteraction(provider, request, response, next).catch((error: unknown) => {
        response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
      });
      return;
    }
    handler(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    allowRedirectUri(uri) {
      const created: Provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [uri],
            grant_types: ["authorization_code"],
            response_types: ["code"],
            token_endpoint_auth_method: "client_secret_basic",
          },
        ],
        async findAccount(_context: unknown, sub: string) {
          const claims = accounts.get(sub);
          return claims ? { accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) } : undefined;
        },
        claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "preferred_username"] },
        conformIdTokenClaims: options.claimsInIdToken === false,
        features: { devInteractions: { enabled: false } },
        pkce: { required: () => true },
        cookies: { keys: [randomBytes(32).toString("hex")] },
        jwks: { keys: [{ ...signingKey, kid: "test", alg: "RS256", use: "sig" }] },
        ttl: TTL,
        adapter: MemoryStore,
        // The one client is first-party: consent is given without asking.
        async loadExistingGrant(context: InteractionContext) {
          const accountId = context.oidc.session.accountId;
          if (!accountId) return undefined;
          const grant = new created.Grant({ accountId, clientId: context.oidc.client.clientId });
          grant.addOIDCScope(SCOPE);
          await grant.save();
          return grant;
        },
      });
      provider = created;
      handler = created.callback();
    },
    signInAs(accountId) {
      next = accountId;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function finishInteraction(provider: Provider, request: IncomingMessage, response: ServerResponse, accountId: string): Promise<void> {
  await provider.interactionDetails(request, response);
  const result =
    accountId === "deny" ? { error: "access_denied", error_description: "The person declined to sign in." } : { login: { accountId, remember: false } };
  await provider.interactionFinished(request, response, result, { mergeWithLastSubmission: false });
}

/** One hop of a navigation: the URL fetched, the status and where it redirected. */
export interface Hop {
  url: string;
  status: number;
  location: string | undefined;
}

/**
 * A browser without a page: follows redirects across servers by hand (redirect: "manual") and
 * keeps cookies per host and port, which is all the sign-in flow needs.
 */
export class TestBrowser {
  readonly cookies = new Map<string, Map<string, string>>();

  /** The cookies this browser sends to the origin of `url`, as a Cookie header. */
  cookieHeader(url: string): string {
    return [...(this.cookies.get(new URL(url).host) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** One cookie's value for the origin of `url`. */
  cookie(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).host)?.get(name);
  }

  /** Fetches one URL with this browser's cookies, keeping the ones it sets. */
  async fetch(url: string, headers: Record<string, string> = {}): Promise<Response> {
    const cookie = this.cookieHeader(url);
    const response = await fetch(url, { redirect: "manual", headers: { ...headers, ...(cookie ? { cookie } : {}) } });
    const jar = this.cookies.get(new URL(url).host) ?? new Map<string, string>();
    this.cookies.set(new URL(url).host, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const name = pair.slice(0, pair.indexOf("=")).trim();
      const value = pair.slice(pair.indexOf("=") + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /^\s*expires=thu, 01 jan 1970/i.test(attribute));
      if (expired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  /**
   * Follows redirects from `url` until one points at a URL `stop` accepts (returned without
   * being fetched) or a response is not a redirect.
   */
  async navigate(url: string, stop: (next: URL) => boolean): Promise<{ url: URL; hops: Hop[]; response: Response | undefined }> {
    const hops: Hop[] = [];
    let current = new URL(url);
    for (let step = 0; step < 20; step += 1) {
      if (step > 0 && stop(current)) return { url: current, hops, response: undefined };
      const response = await this.fetch(current.href);
      const location = response.headers.get("location") ?? undefined;
      hops.push({ url: current.href, status: response.status, location });
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, hops, response };
      await response.body?.cancel();
      current = new URL(location, current);
    }
    throw new Error(`more than 20 redirects from ${url}`);
  }
}
