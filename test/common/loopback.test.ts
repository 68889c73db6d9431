import { describe, expect, it } from "vitest";
import { isLoopback } from "../../src/common/loopback.js";

// One rule for every layer: where the client allows plain http and where the sign-in handlers
// compare host names. The hosts of the W3C Secure Contexts "potentially trustworthy" origins that
// name this machine: localhost and its subdomains (RFC 6761 6.3), 127.0.0.0/8 and [::1].
describe("isLoopback (a hostname as URL.hostname gives it)", () => {
  it("holds for localhost, *.localhost, 127.0.0.0/8 and [::1]", () => {
    for (const url of [
      "http://localhost:3000",
      "http://LOCALHOST",
      "http://app.localhost",
      "http://127.0.0.1",
      "http://127.255.0.9",
      "http://[::1]:8080",
      "http://[0:0:0:0:0:0:0:1]",
      "http://2130706433",
    ]) {
      expect(isLoopback(new URL(url).hostname), url).toBe(true);
    }
  });

  it("does not hold for other hosts, even ones that look alike", () => {
    for (const url of [
      "http://localhost.evil.com",
      "http://evil-localhost",
      "http://10.0.0.1",
      "http://128.0.0.1",
      "http://[::2]",
      "http://0.0.0.0",
      "http://api.x.com",
      "http://localhostx",
    ]) {
      expect(isLoopback(new URL(url).hostname), url).toBe(false);
    }
  });
});
