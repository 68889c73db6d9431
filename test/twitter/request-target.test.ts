// RFC 3986 3.4 allows "[", "]", "|" and "^" nowhere in a query, yet the WHATWG URL parser sends them
// as they are. The client sends the URL signRequest gives (SignedRequest.url): same signature, those
// characters percent-encoded, so that X and every proxy on the way see one spelling of the request.
import { describe, expect, it } from "vitest";
import { TwitterOAuth } from "../../src/index.js";
import {
  readAuthorizationHeader,
  referenceBaseString,
  referenceParseForm,
  referenceSignature,
} from "../conformance/oracle.js";
import { useLoopback } from "./loopback.js";

const server = useLoopback();
const SECRET = "consumer-secret";
const TOKEN = { token: "access-token", tokenSecret: "access-secret" };

function oauthOf(authorization: string | undefined): Record<string, string> {
  return Object.fromEntries(readAuthorizationHeader(authorization ?? "").map((pair) => [pair.name, pair.value]));
}

describe("the request target is the signed URL, RFC 3986-clean", () => {
  it("a query with [ ] | ^ reaches the server percent-encoded, and its signature checks out", async () => {
    server.answer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end("{}"));
    const x = new TwitterOAuth({ consumerKey: "key", consumerSecret: SECRET, baseUrl: server.origin });
    await x.fetch("/2/tweets/search/recent?query=a[1]|b^c&tweet.fields=id", { token: TOKEN });
    const [seen] = server.seen;
    expect(seen!.target).toBe("GET /2/tweets/search/recent?query=a%5B1%5D%7Cb%5Ec&tweet.fields=id");
    const oauth = oauthOf(seen!.authorization);
    const url = `${server.origin}${seen!.target.slice(4)}`;
    const pairs: Array<[string, string]> = [...referenceParseForm(new URL(url).search.slice(1))];
    for (const [name, value] of Object.entries(oauth)) if (name !== "oauth_signature") pairs.push([name, value]);
    const expected = await referenceSignature(
      "HMAC-SHA1",
      referenceBaseString("GET", url, pairs),
      SECRET,
      TOKEN.tokenSecret,
    );
    expect(oauth.oauth_signature).toBe(expected);
  });
});
