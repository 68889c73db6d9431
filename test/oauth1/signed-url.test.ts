/**
 * SignedRequest.url, the URL to send: the request URL as fetch sends it (WHATWG serialisation),
 * with every query character RFC 3986 3.4 does not allow raw percent-encoded (the WHATWG parser
 * leaves [ ] { } | ^ \ and the backtick raw, and strict servers refuse them), existing escapes and
 * "+" untouched, and the signature unchanged. Expected URLs are written out by hand.
 */
import { describe, expect, it } from "vitest";
import { signRequest } from "../../src/oauth1/index.js";

const credentials = { consumerKey: "key", consumerSecret: "secret" };
const pinned = { nonce: "abc", timestamp: 1 };

async function urlToSend(url: string | URL): Promise<string> {
  return (await signRequest({ method: "GET", url }, credentials, pinned)).url;
}

describe("SignedRequest.url (RFC 3986 3.4 query characters)", () => {
  it("a URL with nothing to encode is sent as given", async () => {
    const url = "https://api.x.com/1.1/statuses/update.json?include_entities=true&a=b%20c+d&e=%2b";
    expect(await urlToSend(url)).toBe(url);
    expect(await urlToSend(new URL(url))).toBe(url);
  });

  it("characters the WHATWG parser leaves raw are percent-encoded; escapes, '+' and sub-delims stay", async () => {
    expect(await urlToSend("https://api.x.com/s?ids[]=1&q=a|b^c&j={}&t=`x`\\&k=!$'()*,;:@/?&p=a+b&e=%5b")).toBe(
      // "'" is %27 already: the WHATWG parser encodes it in the query of an http(s) URL.
      "https://api.x.com/s?ids%5B%5D=1&q=a%7Cb%5Ec&j=%7B%7D&t=%60x%60%5C&k=!$%27()*,;:@/?&p=a+b&e=%5b",
    );
  });

  it("space, '\"', '<', '>' and non-ASCII text are sent as UTF-8 escapes", async () => {
    expect(await urlToSend('https://api.x.com/s?q=a b"<c>é日')).toBe(
      "https://api.x.com/s?q=a%20b%22%3Cc%3E%C3%A9%E6%97%A5",
    );
  });

  it("scheme and host are lower-cased and a default port dropped, as fetch sends them", async () => {
    expect(await urlToSend("HTTPS://API.X.COM:443/a?b=[")).toBe("https://api.x.com/a?b=%5B");
  });

  it("the signature is that of the URL as given", async () => {
    const given = await signRequest({ method: "GET", url: "https://api.x.com/s?ids[]=1|2" }, credentials, pinned);
    const resent = await signRequest({ method: "GET", url: given.url }, credentials, pinned);
    expect(given.url).toBe("https://api.x.com/s?ids%5B%5D=1%7C2");
    expect(resent.url).toBe(given.url);
    expect(resent.signature).toBe(given.signature);
  });
});
