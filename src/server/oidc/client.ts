import * as client from "openid-client";
import type { OidcClaims } from "../../commands/sessions/sign-in-with-oidc.ts";
import type { OidcConfig } from "../../config/config.ts";
import { AppError } from "../../errors/app-error.ts";
import { DisplayName, SingleLineText } from "../../schemas/text.ts";

/** What to send the browser to the provider with, and what to keep for the callback. */
export interface OidcAuthorization {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The checks the callback repeats: the values kept when the sign-in started. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A relying party of one OpenID Connect provider: the authorization code flow with PKCE. */
export interface OidcClient {
  readonly issuer: string;
  readonly name: string;
  /** The authorization request: a fresh state, nonce and PKCE verifier every time. */
  authorize(redirectUri: string): Promise<OidcAuthorization>;
  /** Exchanges the code of a callback URL (state, nonce, PKCE and issuer checked) for the person's claims. */
  exchange(callbackUrl: URL, checks: OidcChecks): Promise<OidcClaims>;
}

const SCOPE = "openid email profile";
const TIMEOUT_SECONDS = 10;

/**
 * A client for the configured provider. Discovery waits for the first sign-in, so a provider
 * that is down does not stop Cohort from starting; its result is kept, and a failure is not,
 * so the next sign-in tries again.
 */
export function createOidcClient(config: OidcConfig): OidcClient {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (): Promise<client.Configuration> => {
    discovered ??= discover(config).catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };
  return {
    issuer: config.issuer,
    name: config.name,
    async authorize(redirectUri) {
      const rp = await configuration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(rp, {
        redirect_uri: redirectUri,
        scope: SCOPE,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      return { url, state, nonce, codeVerifier };
    },
    async exchange(callbackUrl, checks) {
      const rp = await configuration();
      const tokens = await client.authorizationCodeGrant(rp, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new AppError("INTERNAL", "The provider answered without an ID token.");
      let claims: Record<string, unknown> = idToken;
      // Providers that follow the core spec strictly put scope claims in UserInfo only.
      if (idToken.email === undefined && rp.serverMetadata().userinfo_endpoint) {
        const userInfo = await client.fetchUserInfo(rp, tokens.access_token, idToken.sub);
        claims = { ...userInfo, ...idToken };
      }
      return {
        subject: idToken.sub,
        email: text(claims.email),
        // Some providers send the flag as the string "true".
        emailVerified: claims.email_verified === true || claims.email_verified === "true",
        name: nameClaim(claims.name),
        preferredUsername: nameClaim(claims.preferred_username),
      };
    },
  };
}

async function discover(config: OidcConfig): Promise<client.Configuration> {
  const issuer = new URL(config.issuer);
  // The configuration only allows http on loopback, for a provider run by tests.
  const insecure = issuer.protocol === "http:";
  let metadata: client.ServerMetadata;
  try {
    const found = await client.discovery(issuer, config.clientId, undefined, client.None(), {
      timeout: TIMEOUT_SECONDS,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
    metadata = found.serverMetadata();
  } catch (error) {
    throw new AppError(
      "INVALID_CONFIG",
      `Cohort cannot read the configuration of the OpenID Connect provider ${config.issuer} (${reasonOf(error)}); check COHORT_OIDC_ISSUER and that the provider is reachable, then try again.`,
    );
  }
  // client_secret_basic is the default of the spec; post only for providers that offer nothing else.
  const methods = metadata.token_endpoint_auth_methods_supported ?? ["client_secret_basic"];
  const postOnly = methods.includes("client_secret_post") && !methods.includes("client_secret_basic");
  const authentication = postOnly ? client.ClientSecretPost(config.clientSecret) : client.ClientSecretBasic(config.clientSecret);
  const rp = new client.Configuration(metadata, config.clientId, undefined, authentication);
  rp.timeout = TIMEOUT_SECONDS;
  if (insecure) client.allowInsecureRequests(rp);
  return rp;
}

/** A short reason for a failed request, from its code rather than text that could carry a URL. */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Response) return `it answered HTTP ${cause.status}`;
  const causeCode = (cause as { code?: unknown } | undefined)?.code;
  if (typeof causeCode === "string") return causeCode;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : error instanceof Error ? error.message : "unknown error";
}

function text(value: unknown): string | undefined {
  // A claim with control characters is as good as missing: the caller falls back to another.
  return typeof value === "string" && value.trim() !== "" && SingleLineText.safeParse(value).success ? value : undefined;
}

/** A name claim that follows the rule for names typed in Cohort, or undefined. */
function nameClaim(value: unknown): string | undefined {
  const given = text(value);
  return given !== undefined && DisplayName.safeParse(given).success ? given : undefined;
}
