/**
 * The cookies of a `Cookie` header whose names `keep` accepts, first occurrence kept, at most `max`:
 * the one reader of that header in the package (the sign-in handlers, the Passport strategy's
 * `cookieSecret` mode and the fake X's session all go through it).
 *
 * Pairs are split on ";" only, the format browsers send (RFC 6265 5.4: `cookie-string` joins pairs
 * with "; "). A "," belongs to the value: a sibling subdomain may set `pref=dark,__Host-x=...`, which
 * the browser sends as ONE cookie named `pref`; splitting on "," as well would read a second cookie
 * the browser never had, and let that sibling plant a `__Host-` cookie (RFC 6265bis 4.1.3.2).
 *
 * One pass over the header, each character looked at once: a 1 MB header costs a linear scan and
 * nothing else.
 * @internal
 */
export function readCookieHeader(
  header: string | null | undefined,
  keep: (name: string) => boolean,
  max: number,
): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof header !== "string") return found;
  let start = 0;
  let equals = -1;
  for (let i = 0; i <= header.length; i++) {
    const c = i === header.length ? 59 : header.charCodeAt(i);
    if (c === 61 && equals === -1)
      equals = i; // "="
    else if (c === 59) {
      // ";"
      if (equals !== -1) {
        const name = header.slice(start, equals).trim();
        if (keep(name) && !found.has(name)) {
          found.set(name, header.slice(equals + 1, i).trim());
          if (found.size >= max) break;
        }
      }
      start = i + 1;
      equals = -1;
    }
  }
  return found;
}
