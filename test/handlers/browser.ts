// A browser for the sign-in tests: a cookie jar (tough-cookie, an independent RFC 6265
// implementation, not our code), redirects followed by hand, and the fake X's pages filled in as a
// user would. `send` is where requests go: an in-process router, or `fetch` over loopback.
import { CookieJar } from "tough-cookie";

export type Send = (request: Request) => Promise<Response>;

/** One step of a navigation: the URL asked for and X's or the app's answer. */
export interface Hop {
  url: string;
  response: Response;
}

export class Browser {
  readonly jar = new CookieJar();
  /** Every request sent, in order (for counting calls and scanning answers). */
  readonly log: Hop[] = [];

  constructor(private readonly send: Send) {}

  /** One request with the jar's cookies; the answer's cookies go into the jar. */
  async request(url: string, init: { method?: string; body?: URLSearchParams } = {}): Promise<Response> {
    const headers = new Headers();
    const cookie = await this.jar.getCookieString(url);
    if (cookie) headers.set("cookie", cookie);
    if (init.body) headers.set("content-type", "application/x-www-form-urlencoded");
    const response = await this.send(
      new Request(url, { method: init.method ?? "GET", headers, body: init.body?.toString(), redirect: "manual" }),
    );
    for (const line of response.headers.getSetCookie()) await this.jar.setCookie(line, url, { ignoreError: true });
    this.log.push({ url, response: response.clone() });
    return response;
  }

  /**
   * Opens `url` and follows redirects until an answer that is not one, or until the next URL is one
   * `stopBefore` accepts (that URL is returned unvisited, to be opened later: another tab's turn).
   */
  async open(url: string, stopBefore?: (next: URL) => boolean): Promise<{ url: string; response?: Response }> {
    let current = url;
    let init: { method?: string; body?: URLSearchParams } = {};
    for (let hops = 0; hops < 20; hops++) {
      const response = await this.request(current, init);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || location === null) return { url: current, response };
      // Not cancelled: a clone sits in the log, and cancelling one branch of a tee waits for the other.
      const next = new URL(location, current);
      if (stopBefore?.(next)) return { url: next.href };
      current = next.href;
      init = {};
    }
    throw new Error(`more than 20 redirects from ${url}`);
  }

  /** Submits the fake X's sign-in form on `page` (fields from its HTML), without following the answer's redirect into the app. */
  async submitXForm(
    pageUrl: string,
    page: Response,
    action: "authorize" | "cancel",
    credentials?: { username: string; password: string },
  ): Promise<Response> {
    const html = await page.text();
    const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html);
    if (!form) throw new Error(`no sign-in form on ${pageUrl} (status ${page.status}):\n${html.slice(0, 500)}`);
    const body = new URLSearchParams();
    for (const [, name, value] of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      body.set(name!, unescapeHtml(value!));
    }
    if (credentials && /name="session\[username_or_email\]"/.test(form[2]!)) {
      body.set("session[username_or_email]", credentials.username);
      body.set("session[password]", credentials.password);
    }
    body.set("action", action);
    return this.request(new URL(unescapeHtml(form[1]!), pageUrl).href, { method: "POST", body });
  }

  /** The jar's cookies for `url` whose names start with `prefix`. */
  async cookieNames(url: string, prefix: string): Promise<string[]> {
    return (await this.jar.getCookies(url)).map((c) => c.key).filter((key) => key.startsWith(prefix));
  }
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** Whether the page is the fake X's login form (not signed in on X, or `force_login`). */
export function isLoginForm(html: string): boolean {
  return html.includes('name="session[username_or_email]"');
}
