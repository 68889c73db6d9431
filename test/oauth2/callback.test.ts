// The redirect back from X's authorize page (RFC 6749 4.1.2 and 4.1.2.1; docs.x.com "OAuth 2.0
// Authorization Code Flow with PKCE", step 2): state first, then error, then code.
import { describe, expect, it } from "vitest";
import { isTwitterOAuthError, TwitterOAuth2 } from "../../src/oauth2/index.js";

const client = new TwitterOAuth2({ clientId: "client-id", callbackUrl: "https://app.example/cb" });
const STATE = "state-of-this-sign-in-0123456789";

function thrown(action: () => unknown): { code: string; oauthError: string | undefined; message: string } {
  try {
    action();
  } catch (error) {
    if (isTwitterOAuthError(error)) return { code: error.code, oauthError: error.oauthError, message: error.message };
    throw error;
  }
  throw new Error("expected a TwitterOAuthError");
}

describe("parseCallback", () => {
  it("returns the code of a callback with this sign-in's state, in every input shape", () => {
    const url = `https://app.example/cb?state=${STATE}&code=VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hPV0F4ODY6MToxOmFjOjE`;
    const code = "VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hPV0F4ODY6MToxOmFjOjE";
    expect(client.parseCallback(url, STATE)).toEqual({ code });
    expect(client.parseCallback(new URL(url), STATE)).toEqual({ code });
    expect(client.parseCallback(new URL(url).searchParams, STATE)).toEqual({ code });
    expect(client.parseCallback(new Request(url), STATE)).toEqual({ code });
    expect(client.parseCallback(`/cb?state=${STATE}&code=${code}#frag`, STATE)).toEqual({ code });
    expect(client.parseCallback(`state=${STATE}&code=${code}`, STATE)).toEqual({ code });
  });

  it("error=access_denied (the user pressed Cancel) is AUTHORIZATION_DENIED", () => {
    const error = thrown(() =>
      client.parseCallback(`https://app.example/cb?error=access_denied&state=${STATE}`, STATE),
    );
    expect(error.code).toBe("AUTHORIZATION_DENIED");
    expect(error.oauthError).toBe("access_denied");
  });

  it.each([
    "invalid_request",
    "unauthorized_client",
    "unsupported_response_type",
    "invalid_scope",
    "server_error",
    "temporarily_unavailable",
  ])("error=%s (RFC 6749 4.1.2.1) is INVALID_CALLBACK with the code in oauthError", (code) => {
    const error = thrown(() => client.parseCallback(`?error=${code}&error_description=x&state=${STATE}`, STATE));
    expect(error.code).toBe("INVALID_CALLBACK");
    expect(error.oauthError).toBe(code);
    expect(error.message).toContain(`error=${code}`);
    expect(error.message).toMatch(/start the sign-in again$/);
  });

  it("an error code outside RFC 6749's characters is not shown", () => {
    const error = thrown(() => client.parseCallback(`?error=%22%5C&state=${STATE}`, STATE));
    expect(error.code).toBe("INVALID_CALLBACK");
    expect(error.oauthError).toBeUndefined();
    expect(error.message).toContain("error=(unreadable)");
  });

  it("another sign-in's state is TOKEN_MISMATCH, whatever else the callback carries (RFC 6749 10.12)", () => {
    for (const query of [
      "code=c&state=other-state",
      "error=access_denied&state=other-state",
      `code=c&state=${STATE}x`,
    ]) {
      expect(thrown(() => client.parseCallback(query, STATE)).code).toBe("TOKEN_MISMATCH");
    }
  });

  it("a callback without state, or without code, is INVALID_CALLBACK", () => {
    expect(thrown(() => client.parseCallback("?code=c", STATE))).toMatchObject({
      code: "INVALID_CALLBACK",
      message: "The callback lacks state; pass the full URL X redirected the user to, query included",
    });
    expect(thrown(() => client.parseCallback("?error=access_denied", STATE)).code).toBe("INVALID_CALLBACK");
    expect(thrown(() => client.parseCallback(`?state=${STATE}`, STATE))).toMatchObject({
      code: "INVALID_CALLBACK",
      message: "The callback lacks code; pass the full URL X redirected the user to, query included",
    });
    expect(thrown(() => client.parseCallback(`?state=${STATE}&code=`, STATE)).code).toBe("INVALID_CALLBACK");
  });

  it("the code is never in a message", () => {
    const error = thrown(() => client.parseCallback("?state=wrong&code=SECRET-CODE", STATE));
    expect(error.message).not.toContain("SECRET-CODE");
  });
});
