// Which Host headers the fake-x command obeys on its control API. A web page can point a name of its
// own at 127.0.0.1 (DNS rebinding): the browser then treats the fake as that page's origin, so the
// Origin check cannot see it, but the Host header still carries the page's name (RFC 9110 7.2).

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];
const WILDCARDS = new Set(["0.0.0.0", "::", "[::]"]);

function bracketed(host: string): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

function isLoopback(host: string): boolean {
  const name = bracketed(host.toLowerCase());
  return name === "localhost" || name === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** Whether `hostname` (lower case, IPv6 in brackets) is an address literal rather than a name. */
function isAddressLiteral(hostname: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith("[");
}

/**
 * The test `Host` must pass for a control call, from where the command listens: `host:port`, the
 * loopback aliases of the same port when bound to loopback, the host of `--origin` (a proxy may
 * forward it). Bound to every interface (`0.0.0.0`, `::`) the fake is reached by addresses the
 * command cannot list, so any address literal on its port passes, and still no name but localhost.
 */
export function controlHostCheck(host: string, port: number, origin: string | undefined): (header: string) => boolean {
  const allowed = new Set<string>();
  const listening = bracketed(host.toLowerCase());
  allowed.add(`${listening}:${port}`);
  if (isLoopback(host)) for (const name of LOOPBACK_NAMES) allowed.add(`${name}:${port}`);
  if (origin !== undefined) allowed.add(new URL(origin).host.toLowerCase());
  const wildcard = WILDCARDS.has(host);
  return (header) => {
    const value = header.trim().toLowerCase();
    if (allowed.has(value)) return true;
    if (!wildcard) return false;
    const match = /^(.+):(\d+)$/.exec(value);
    return match !== null && Number(match[2]) === port && (isAddressLiteral(match[1]!) || match[1] === "localhost");
  };
}

/** The 403 for a control call to a Host the command does not serve. */
export function hostRefusal(served: string): Response {
  return new Response(
    `Refused: this fake X serves its control API at ${served} (and its loopback aliases); the Host header names another host.`,
    { status: 403, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } },
  );
}
