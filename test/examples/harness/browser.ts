// What a browser does during "Log in with X", by hand: fetch without following redirects, keep
// cookies per host and path (honouring Max-Age=0 deletions), fill in the fake X's login form.
import { defaultUser } from "../../../src/testing/index.js";

interface Cookie {
  value: string;
  path: string;
  attributes: string;
}

export class Browser {
  readonly #jar = new Map<string, Map<string, Cookie>>();
  /** The raw Set-Cookie headers seen, in order, for attribute checks. */
  readonly setCookies: string[] = [];

  #cookieHeader(url: URL): string | undefined {
    const cookies = this.#jar.get(url.host);
    if (cookies === undefined) return undefined;
    const pairs = [...cookies].filter(
      ([, c]) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith("/") ? c.path : c.path + "/"),
    );
    return pairs.length === 0 ? undefined : pairs.map(([name, c]) => `${name}=${c.value}`).join("; ");
  }

  #store(url: URL, response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      this.setCookies.push(header);
      const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? "/";
      const cookies = this.#jar.get(url.host) ?? new Map<string, Cookie>();
      this.#jar.set(url.host, cookies);
      if (attributes.some((a) => /^max-age=(0|-\d+)$/i.test(a)) || attributes.some((a) => /^expires=.*1970/i.test(a))) {
        cookies.delete(name);
      } else {
        cookies.set(name, { value: pair.slice(eq + 1), path, attributes: attributes.join("; ") });
      }
    }
  }

  /** The cookie `name` the browser holds for `origin`, if any. */
  cookie(origin: string, name: string): string | undefined {
    return this.#jar.get(new URL(origin).host)?.get(name)?.value;
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.#cookieHeader(target);
    if (cookie !== undefined) headers.set("cookie", cookie);
    const response = await fetch(target, { ...init, headers, redirect: "manual" });
    this.#store(target, response);
    return response;
  }
}

/** Reads the fake X's sign-in form: its action and hidden fields. */
export function readForm(html: string): { action: string; fields: URLSearchParams } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (action === undefined) throw new Error(`no form on the page:\n${html.slice(0, 2000)}`);
  const fields = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.set(
      match[1]!,
      match[2]!.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
    );
  }
  return { action: action.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))), fields };
}

export interface SignInPaths {
  /** The example's home page, with a link to `login`. */
  home: string;
  /** The path that starts the sign-in. */
  login: string;
  /** The callback path registered as TWITTER_CALLBACK_URL. */
  callback: string;
}

export interface SignInResult {
  /** Where X sent the browser back to (oauth_token and oauth_verifier in the query). */
  callbackUrl: string;
  /** The status and text of the callback page. */
  status: number;
  html: string;
}

/**
 * The whole sign-in as a user sees it: the app's home page, its login redirect to X, X's login form
 * filled with a user's credentials (the default user's unless given), or Cancel, and the redirect back.
 */
export async function signIn(
  browser: Browser,
  app: string,
  x: string,
  paths: SignInPaths,
  choice: "authorize" | "cancel" = "authorize",
  user: { screenName: string; password: string } = defaultUser,
): Promise<SignInResult> {
  const home = await browser.request(app + paths.home);
  const homeHtml = await home.text();
  if (home.status !== 200 || !homeHtml.includes(`href="${paths.login}"`)) {
    throw new Error(`the home page answered ${home.status} without a link to ${paths.login}:\n${homeHtml}`);
  }

  const login = await browser.request(app + paths.login);
  const toX = login.headers.get("location");
  if (
    ![302, 303, 307].includes(login.status) ||
    toX === null ||
    !toX.startsWith(`${x}/oauth/authenticate?oauth_token=`)
  ) {
    throw new Error(
      `${paths.login} answered ${login.status} to ${toX} instead of redirecting to X:\n${await login.text()}`,
    );
  }

  const page = await browser.request(toX);
  const pageHtml = await page.text();
  if (page.status !== 200) throw new Error(`X's sign-in page answered ${page.status}:\n${pageHtml}`);
  const form = readForm(pageHtml);
  form.fields.set("action", choice);
  if (choice === "authorize") {
    form.fields.set("session[username_or_email]", user.screenName);
    form.fields.set("session[password]", user.password);
  }
  const posted = await browser.request(form.action, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.fields.toString(),
  });
  let callbackUrl: string | null;
  if (choice === "authorize") {
    callbackUrl = posted.headers.get("location");
  } else {
    // After Cancel, X shows a page with a link back to the app (callback?denied=…).
    callbackUrl =
      /<a class="button" href="([^"]+)"/
        .exec(await posted.text())?.[1]
        ?.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))) ?? null;
  }
  if (callbackUrl === null || !callbackUrl.startsWith(app + paths.callback)) {
    throw new Error(
      `X did not send the browser back to ${app}${paths.callback} (status ${posted.status}, to ${callbackUrl})`,
    );
  }

  const back = await browser.request(callbackUrl);
  return { callbackUrl, status: back.status, html: await back.text() };
}
