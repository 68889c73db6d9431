// A Request-recording fetch for the OAuth 2.0 client: every request is kept as sent (method, URL,
// headers, body text), and answered by the test's own handler, in memory.
import { TwitterOAuth2, type TwitterOAuth2Options } from "../../src/oauth2/index.js";

/** One request as the client sent it. */
export interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  redirect: RequestRedirect;
  signal: AbortSignal;
}

/** What a handler answers: a Response, or a thrown error (fetch rejecting). */
export type Answer = (sent: Sent) => Response | Promise<Response>;

/** X's documented exchange answer (docs.x.com "oauth-1-0a-token-exchange"), as JSON. */
export function tokenJson(fields: Record<string, unknown> = {}): Response {
  return Response.json({
    token_type: "bearer",
    expires_in: 7200,
    access_token: "ACCESS-TOKEN-2",
    refresh_token: "REFRESH-TOKEN-2",
    scope: "tweet.read users.read offline.access",
    ...fields,
  });
}

/** An RFC 6749 5.2 error body, as X's page shows them. */
export function oauthErrorJson(status: number, error: string, description?: string, headers?: HeadersInit): Response {
  return Response.json(description === undefined ? { error } : { error, error_description: description }, {
    status,
    headers,
  });
}

/** A client on a recording fetch; `answer` defaults to X's documented token answer. */
export function recorded(
  options: Partial<TwitterOAuth2Options> = {},
  answer: Answer = () => tokenJson(),
): { client: TwitterOAuth2; sent: Sent[]; setAnswer(next: Answer): void } {
  const sent: Sent[] = [];
  let current = answer;
  const client = new TwitterOAuth2({
    clientId: "client-id",
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const record: Sent = {
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        body: await request.text(),
        redirect: request.redirect,
        signal: request.signal,
      };
      sent.push(record);
      return current(record);
    },
    now: () => 1_800_000_000_000,
    ...options,
  });
  return { client, sent, setAnswer: (next) => (current = next) };
}
