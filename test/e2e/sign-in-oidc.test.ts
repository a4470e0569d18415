import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestOidcProvider, type TestOidcProvider } from "../helpers/oidc-provider.ts";
import { signedInName } from "./accounts.ts";
import { DESKTOP, expectSoundPage, PHONE, saveScreenshot, setupWebApp, text } from "./support.ts";

const PROVIDER_NAME = "Test Foundation account";
let provider: TestOidcProvider | undefined;

const app = setupWebApp({
  async server() {
    provider = await startTestOidcProvider({ accounts: { alice: { email: "alice@example.org", email_verified: true, name: "Alice Example" } } });
    return { oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, name: PROVIDER_NAME } };
  },
});

beforeAll(() => {
  provider?.allowRedirectUri(`${app.server().url}/api/auth/oidc/callback`);
});
afterAll(async () => {
  await provider?.close();
});

describe("sign in with the OpenID Connect provider", () => {
  test("the provider's button comes first; a refusal comes back in words; a sign-in lands where the person was going", async () => {
    if (!provider) throw new Error("no provider");
    const { page, open, errors } = await app.newPage();
    await open("/sign-in?next=%2Faccount");
    const button = page.getByRole("link", { name: `Sign in with ${PROVIDER_NAME}` });
    await button.waitFor();
    // First in the page's order, before the email form.
    const order = await page.evaluate(() => {
      const items = [...document.querySelectorAll("main a, main input, main button")];
      return items.map((item) => item.textContent?.trim() || item.id);
    });
    expect(order[0]).toBe(`Sign in with ${PROVIDER_NAME}`);
    expect(order.indexOf("field-email")).toBeGreaterThan(0);

    provider.signInAs("deny");
    await button.click();
    await page.waitForURL((url) => url.pathname === "/sign-in" && url.searchParams.get("error") === "denied");
    await page.getByRole("alert").waitFor();
    expect(await text(page.getByRole("alert"))).toContain(`You cancelled the sign-in at ${PROVIDER_NAME}`);

    await open("/sign-in?next=%2Faccount");
    provider.signInAs("alice");
    await page.getByRole("link", { name: `Sign in with ${PROVIDER_NAME}` }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    await expect.poll(() => signedInName(page)).toBe("Alice Example");
    expect(await text(page.locator(".lead"))).toContain("alice@example.org");
    expect(errors).toEqual([]);
  });

  test("a refusal shows once, naming the provider, even when the provider's configuration answers late", async () => {
    const { page, open, errors } = await app.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/api/auth/oidc/config", async (route) => {
      await held;
      await route.continue();
    });
    await open("/sign-in?error=denied");
    // The page is there but the provider's name is not known yet: no refusal in provisional words.
    expect(await page.getByRole("alert").count()).toBe(0);
    release();
    expect(await text(page.getByRole("alert"))).toContain(`You cancelled the sign-in at ${PROVIDER_NAME}`);
    expect(errors).toEqual([]);
  });

  test("every refusal code of the callback is explained in words", async () => {
    const { page, open } = await app.newPage();
    const codes = ["invalid_state", "expired", "email_unverified", "already_linked", "denied", "provider_error", "failed", "not_configured"];
    const explanations = new Set<string>();
    for (const code of codes) {
      await open(`/sign-in?error=${code}`);
      const words = await text(page.getByRole("alert"));
      expect(words, code).not.toContain("_");
      expect(words.length, code).toBeGreaterThan(60);
      explanations.add(words);
    }
    // Each code has its own explanation.
    expect(explanations.size).toBe(codes.length);
  });

  test("screenshots of the sign-in page with the provider's button, at 1280 and 390 px, light and dark", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      for (const viewport of [DESKTOP, PHONE]) {
        const shown = await app.newPage({ viewport, colorScheme });
        const { page, open } = shown;
        await open("/sign-in?error=denied");
        await page.getByRole("link", { name: `Sign in with ${PROVIDER_NAME}` }).waitFor();
        await page.getByRole("alert").waitFor();
        await saveScreenshot(page, `account-sign-in-with-provider-${viewport.width}-${colorScheme}`);
        await expectSoundPage(shown, `sign-in with the provider at ${viewport.width} px, ${colorScheme}`);
      }
    }
  });
});
