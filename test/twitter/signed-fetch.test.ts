import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { TwitterOAuth } from "../../src/index.js";
import { DOCS, docsClient, useStandIn } from "./x-stand-in.js";

const x = useStandIn();

const token = { token: DOCS.accessToken, tokenSecret: DOCS.accessTokenSecret };
const client = docsClient();

describe("client.fetch: a signed drop-in for any X API call", () => {
  it("X docs, Creating a signature: query and form body are signed (URLSearchParams body)", async () => {
    const response = await client.fetch("/1.1/statuses/update.json?include_entities=true", {
      method: "POST",
      token,
      body: new URLSearchParams({ status: "Hello Ladies + Gentlemen, a signed OAuth request!" }),
    });
    expect(response.status).toBe(200);
    const [sent] = x.seen;
    expect(sent!.url).toBe("https://api.x.com/1.1/statuses/update.json?include_entities=true");
    expect(sent!.contentType).toBe("application/x-www-form-urlencoded");
    expect(sent!.signatureValid).toBe(true);
  });

  it("a string body with the form content type is signed", async () => {
    await client.fetch("https://api.x.com/1.1/statuses/update.json", {
      method: "post",
      token,
      headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: "status=a+b%2Bc%21&x=%E2%98%83",
    });
    expect(x.seen[0]!.method).toBe("POST");
    expect(x.seen[0]!.body).toBe("status=a+b%2Bc%21&x=%E2%98%83");
    expect(x.seen[0]!.signatureValid).toBe(true);
  });

  it("RFC 5849 3.4.1.3.1 and X's v2 sample: a JSON body is sent unsigned", async () => {
    await client.fetch("/2/tweets", {
      method: "POST",
      token,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "status=should-not-be-signed" }),
    });
    expect(x.seen[0]!.body).toBe('{"text":"status=should-not-be-signed"}');
    expect(x.seen[0]!.signatureValid).toBe(true);
  });

  it("multipart bodies are sent unsigned", async () => {
    const form = new FormData();
    form.set("media", new Blob(["abc"]), "a.png");
    await client.fetch("/1.1/media/upload.json", { method: "POST", token, body: form });
    expect(x.seen[0]!.contentType).toMatch(/^multipart\/form-data/);
    expect(x.seen[0]!.signatureValid).toBe(true);
  });

  it("GET with dotted names and commas in the query (constructed vector C4)", async () => {
    await client.fetch("/2/users/me?user.fields=confirmed_email,created_at", { token });
    expect(x.seen[0]!.signatureValid).toBe(true);
  });

  it("resolves with X's Response whatever its status, like fetch", async () => {
    x.server.use(
      http.get("https://api.x.com/2/users/me", () => HttpResponse.json({ title: "Unauthorized" }, { status: 401 })),
    );
    const response = await client.fetch("2/users/me", { token });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ title: "Unauthorized" });
  });

  it("keeps the caller's headers and adds the Authorization header", async () => {
    await client.fetch(new URL("https://api.x.com/2/users/me"), { token, headers: { "x-test": "1" } });
    expect(x.seen[0]!.authorization).toMatch(/^OAuth oauth_consumer_key="cChZNFj6T5R0TigYB9yd1w", oauth_nonce="/);
  });

  it("app-only OAuth 1.0a (no token) has no oauth_token", async () => {
    await client.fetch("/1.1/help/configuration.json");
    expect(x.seen[0]!.oauth).not.toHaveProperty("oauth_token");
    expect(x.seen[0]!.signatureValid).toBe(true);
  });

  it("a bad token is a TypeError", async () => {
    await expect(client.fetch("/2/users/me", { token: { token: "", tokenSecret: "" } })).rejects.toThrow(TypeError);
  });
});

describe("client.fetch signs only for X: the baseUrl origin, and allowedOrigins", () => {
  const sent: string[] = [];
  const recording = new TwitterOAuth({
    consumerKey: DOCS.consumerKey,
    consumerSecret: DOCS.consumerSecret,
    fetch: async (input) => {
      sent.push(String(input));
      return new Response("{}");
    },
  });

  it.each([
    ["another host", "https://evil.example/2/users/me", /origin https:\/\/evil\.example is not/],
    ["a look-alike host", "https://api.x.com.evil.example/2/users/me", /not the baseUrl origin/],
    ["another port", "https://api.x.com:8443/2/users/me", /not the baseUrl origin/],
    ["plain http to X", "http://api.x.com/2/users/me", /https/],
    ["plain http elsewhere", "http://10.0.0.1/2/users/me", /https/],
    ["a URL object elsewhere", new URL("https://upload.twitter.com/1.1/media/upload.json"), /allowedOrigins/],
  ])("refuses %s with a TypeError, before anything is sent", async (_name, input, message) => {
    sent.length = 0;
    const call = recording.fetch(input, { token });
    await expect(call).rejects.toThrow(TypeError);
    await expect(call).rejects.toThrow(message);
    expect(sent).toEqual([]);
  });

  it("X API reference, POST media/upload: upload.twitter.com is signed once listed in allowedOrigins", async () => {
    const client = new TwitterOAuth({
      consumerKey: DOCS.consumerKey,
      consumerSecret: DOCS.consumerSecret,
      allowedOrigins: ["https://upload.twitter.com", "https://ads-api.x.com/"],
    });
    x.server.use(
      http.post("https://upload.twitter.com/1.1/media/upload.json", () => HttpResponse.json({ media_id_string: "1" })),
    );
    const response = await client.fetch("https://upload.twitter.com/1.1/media/upload.json", { method: "POST", token });
    expect(await response.json()).toEqual({ media_id_string: "1" });
    await expect(client.fetch("https://evil.example/", { token })).rejects.toThrow(TypeError);
  });

  it("a loopback baseUrl may be plain http (the fake X), and so may a loopback allowed origin", async () => {
    const client = new TwitterOAuth({
      consumerKey: "k",
      consumerSecret: "s",
      baseUrl: "http://127.0.0.1:8787",
      allowedOrigins: ["http://localhost:9000"],
      fetch: async (input) => {
        sent.push(String(input));
        return new Response("{}");
      },
    });
    sent.length = 0;
    await client.fetch("/2/users/me");
    await client.fetch("http://localhost:9000/x");
    expect(sent).toEqual(["http://127.0.0.1:8787/2/users/me", "http://localhost:9000/x"]);
  });
});

describe("client.fetch and redirects: a signed request is not followed", () => {
  it("a 302 comes back as the Response, unfollowed (the Authorization header never reaches the Location)", async () => {
    let followed = false;
    x.server.use(
      http.get(
        "https://api.x.com/2/users/me",
        () => new HttpResponse(null, { status: 302, headers: { location: "https://elsewhere.example/me" } }),
      ),
      http.get("https://elsewhere.example/me", () => {
        followed = true;
        return HttpResponse.json({});
      }),
    );
    const response = await client.fetch("/2/users/me", { token });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://elsewhere.example/me");
    expect(followed).toBe(false);
  });

  it("a 401 it looked into (for code 135) comes back with X's status, status text, headers and body", async () => {
    const body = '{"errors":[{"code":89,"message":"Invalid or expired token."}]}';
    const client = new TwitterOAuth({
      consumerKey: "k",
      consumerSecret: "s",
      fetch: async () =>
        new Response(body, {
          status: 401,
          statusText: "Authorization Required",
          headers: { "x-rate-limit-remaining": "899", "content-type": "application/json" },
        }),
    });
    const response = await client.fetch("/2/users/me", { token });
    expect([response.status, response.statusText]).toEqual([401, "Authorization Required"]);
    expect(response.headers.get("x-rate-limit-remaining")).toBe("899");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.text()).toBe(body);
  });

  it("the caller may still ask to follow, as with fetch", async () => {
    const seen: RequestInit[] = [];
    const client = new TwitterOAuth({
      consumerKey: "k",
      consumerSecret: "s",
      fetch: async (_input, init) => {
        seen.push(init ?? {});
        return new Response("{}");
      },
    });
    await client.fetch("/2/users/me");
    await client.fetch("/2/users/me", { redirect: "follow" });
    expect(seen.map((init) => init.redirect)).toEqual(["manual", "follow"]);
  });
});
