/**
 * Whether a host name (as `URL.hostname` gives it: lower-cased, IPv4 normalised, IPv6 bracketed and
 * compressed) names this machine: `localhost` and its subdomains (RFC 6761 6.3), 127.0.0.0/8 and
 * `[::1]`, the hosts of the W3C Secure Contexts "potentially trustworthy" origins. The one rule for
 * every layer: where the client allows plain http, and where the sign-in handlers compare host
 * names that a browser keeps cookies apart for.
 * @internal
 */
export function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname === "[::1]" ||
    /^127(\.\d{1,3}){3}$/.test(hostname)
  );
}
