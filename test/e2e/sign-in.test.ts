// The demo's sign-in in all three browser engines (Debian's Chromium, Firefox ESR and WebKitGTK,
// launched by test/support), over OAuth 1.0a and over OAuth 2.0 with PKCE (X_AUTH=oauth2): first
// sign-in through the fake X's login form, sign-in again (1.0a: straight back, no page shown; OAuth
// 2.0: X's consent page, as X shows it), and Cancel. Cookies and SameSite differ between engines,
// and that is where a sign-in breaks. Screenshots go to test-results/e2e/<engine>/<protocol>/.
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDemo, startDemo } from "../../examples/demo/server.mjs";
import { type BrowserSession, byLabel, byText } from "../support/session.js";
import { ENGINE_NAMES, ENGINES, installHint, skippedBanner } from "./engines.js";

const HEADING = "//h1";

for (const name of ENGINE_NAMES) {
  const engine = ENGINES[name];
  const available = engine.available();
  if (!available && !process.env.CI) console.warn(skippedBanner(engine));

  describe.runIf(!available && Boolean(process.env.CI))(`e2e in ${engine.label}, in CI`, () => {
    it(`needs ${engine.label}`, () => {
      throw new Error(installHint(engine));
    });
  });

  describe.runIf(available).each(["oauth1", "oauth2"] as const)(
    `the demo's sign-in in ${engine.label} over %s`,
    (protocol) => {
      const oauth2 = protocol === "oauth2";
      const screenshots = `test-results/e2e/${name}/${protocol}`;
      let demo: RunningDemo;
      let page: BrowserSession;
      /** Every request the fake X answered (the browser's and the site's), seen from the server: "GET /oauth/authenticate 303". */
      const fakeCalls: string[] = [];

      async function signOut(): Promise<void> {
        await page.goto(demo.siteUrl);
        if ((await page.evaluate<number>("document.querySelectorAll('form[action=\"/logout\"] button').length")) > 0)
          await page.click(byText("button", "Sign out"));
        await page.visible(byText("p", "You signed out. You are not signed in."));
      }

      /** The handlers' pending sign-in cookies, one per sign-in in progress. */
      async function pendingCookies() {
        return (await page.cookies()).filter((cookie) => cookie.name.startsWith("x-signin-"));
      }

      async function fillLoginForm(): Promise<void> {
        await page.fill(byLabel("Username or email"), "fake_user");
        await page.fill(byLabel("Password"), "password");
        await page.click(byText("button", "Sign in"));
      }

      async function expectSignedIn(): Promise<void> {
        await page.waitForText(HEADING, "Signed in as Fake User");
        // Firefox over WebDriver BiDi can report the URL of the redirect chain's first page for a
        // moment after the last one has rendered: wait (bounded) for the site's home page.
        await page.waitForUrl((url: string) => url === `${demo.siteUrl}/`);
        expect(await page.text('//*[@id="screen-name"]')).toBe("@fake_user");
        expect(await page.text('//*[@id="user-id"]')).toBe("1450000000000000001");
        // verify_credentials gives the email; /2/users/me of OAuth 2.0 has none.
        if (oauth2) expect(await page.evaluate<number>("document.querySelectorAll('#email').length")).toBe(0);
        else expect(await page.text('//*[@id="email"]')).toBe("fake_user@example.com");
      }

      beforeAll(async () => {
        mkdirSync(screenshots, { recursive: true });
        const env = oauth2 ? { X_AUTH: "oauth2" } : {};
        demo = await startDemo({ port: 0, fakePort: 0, host: "localhost", env, log: () => undefined });
        const fake = demo.fake!;
        const fetch = fake.fetch.bind(fake);
        fake.fetch = async (request: Request) => {
          const response = await fetch(request);
          fakeCalls.push(`${request.method} ${new URL(request.url).pathname} ${response.status}`);
          return response;
        };
        page = await engine.launch();
      }, 90_000);

      afterAll(async () => {
        await page?.close();
        await demo?.close();
      });

      it("(1) first sign-in: the login form with the consent, then signed in with the profile shown", async () => {
        await page.goto(demo.siteUrl);
        await page.click(byText("a", "Sign in with X"));
        await page.waitForUrl(`${demo.fakeUrl}${oauth2 ? "/i/oauth2/authorize?" : "/oauth/authenticate?"}`);
        await page.waitForText(HEADING, /twitter-oauth1 demo/);
        const permission = oauth2 ? "See any account you can see" : "Post and delete posts for you";
        await page.visible(`//*[contains(normalize-space(), '${permission}')]`);
        // The pending sign-in is the site's sealed, HttpOnly, SameSite=Lax cookie (the fake X shares
        // the host name, so the engine reports it on this page too).
        const pending = await pendingCookies();
        expect(pending).toHaveLength(1);
        expect(pending[0]).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
        await fillLoginForm();
        await expectSignedIn();
        expect(await pendingCookies()).toEqual([]);
        expect(await page.cookie("demo_session")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
        await page.screenshot(`${screenshots}/1-first-sign-in.png`);
      });

      it("(2) sign out, sign in again: already signed in on X, no login form", async () => {
        await signOut();
        fakeCalls.length = 0;
        await page.click(byText("a", "Sign in with X"));
        if (oauth2) {
          // X's OAuth 2.0 authorize page asks for consent each time; the session on X skips the login form.
          await page.click(byText("button", "Authorize app"));
          await expectSignedIn();
          expect(fakeCalls.filter((call) => call.includes("/i/oauth2/authorize"))).toEqual([
            "GET /i/oauth2/authorize 200",
            "POST /i/oauth2/authorize 303",
          ]);
        } else {
          await expectSignedIn();
          // The fake X answered the visit to authenticate with a redirect: no page was shown.
          expect(fakeCalls.filter((call) => call.startsWith("GET /oauth/"))).toEqual(["GET /oauth/authenticate 303"]);
        }
        await page.screenshot(`${screenshots}/2-already-approved.png`);
      });

      it("(3) Cancel: X says you cancelled, the app says the sign-in was cancelled and holds no session", async () => {
        await signOut();
        await page.click(byText("a", "Sign in with a different X account"));
        await page.click(byText("button", "Cancel"));
        if (oauth2) {
          // Over OAuth 2.0, X sends the browser straight back with error=access_denied (RFC 6749 4.1.2.1).
          await page.waitForUrl(`${demo.siteUrl}/callback?`);
        } else {
          await page.waitForText(HEADING, "You cancelled");
          await page.click(byText("a", "Return to twitter-oauth1 demo"));
          await page.waitForUrl(`${demo.siteUrl}/callback?denied=`);
        }
        await page.waitForText(HEADING, "Sign-in cancelled");
        expect(await page.cookie("demo_session")).toBeUndefined();
        expect(await pendingCookies()).toEqual([]);
        await page.screenshot(`${screenshots}/3-cancelled.png`);
        await page.goto(demo.siteUrl);
        await page.visible(byText("p", "You are not signed in."));
      });
    },
  );
}
