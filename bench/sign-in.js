// CPU per complete sign-in (login, then the callback: request token, access token and the user's
// profile from X, then the app's redirect to where the user was going) of twitter-oauth1/handlers
// against passport-twitter, both in one Express app in
// this process, against the same fake X on loopback. The fake and the "browser" run in a child
// process (bench/sign-in-driver.js), so process.cpuUsage() here counts the apps' work only: routing,
// cookies or session, signing, sealing, and the HTTP client each uses to reach X (fetch for the
// handlers, node:http through the oauth package for passport-twitter).
// First a warm-up of each side (not timed: the JIT is still compiling the code both sides run for
// the first few thousand sign-ins, and a long-running server pays that once). Then each round runs
// half a batch per side twice, A B B A, starting with the other side every other round; the ratio is
// the median over rounds of handlers CPU / passport-twitter CPU in the same round, printed with the
// spread of the per-round ratios (quartiles, min and max): on a shared machine one round can be off
// by 30%, so a ratio is read with its spread, and many rounds of a few hundred beat few long ones.
// Three apps in the same Express app: the handlers with the client's fetch set to nodeFetch (from
// twitter-oauth1/node, the calls to X over node:http: what docs/handlers.md recommends on Node), the
// handlers with the client's default, Node's built-in fetch (undici), and passport-twitter. The
// headline ratio is the first against passport-twitter; the second is printed beside it.
// Usage: node bench/sign-in.js [--rounds=20] [--batch=400] [--warmup=1000] [--write-docs]
//   [--only=twitter-oauth1|passport]
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import express from "express";
import session from "express-session";
import { TwitterOAuth } from "../dist/index.js";
import { createSignInHandlers } from "../dist/handlers.js";
import { nodeFetch, toNodeListener } from "../dist/node.js";

const require = createRequire(import.meta.url);
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  return sorted[Math.floor(at)] + (sorted[Math.ceil(at)] - sorted[Math.floor(at)]) * (at - Math.floor(at));
};
const median = (values) => quantile(values, 0.5);
const here = dirname(fileURLToPath(import.meta.url));

/** Starts the driver; resolves with its fake X's coordinates and a `run(login, n)` function. */
async function startDriver() {
  const child = spawn(process.execPath, [join(here, "sign-in-driver.js")], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    // Bounded, as every wait: a driver that stops answering fails the run instead of hanging it.
    const timer = new Promise((_, fail) =>
      setTimeout(() => fail(new Error("sign-in driver: no answer in 600 s")), 600_000).unref(),
    );
    const { value, done } = await Promise.race([lines.next(), timer]);
    if (done) throw new Error("sign-in driver exited");
    return JSON.parse(value);
  };
  const fake = await next();
  return {
    fake,
    async run(login, n) {
      child.stdin.write(`${JSON.stringify({ login, n })}\n`);
      return next();
    },
    stop: () => child.kill(),
  };
}

/** The Express app: passport-twitter on /pt/*, the handlers on /x/*. */
async function startApp(fake) {
  const web = express();
  const server = web.listen(0, "127.0.0.1");
  await new Promise((done) => server.once("listening", done));
  const base = `http://127.0.0.1:${server.address().port}`;

  const { Passport } = require("passport");
  const { Strategy } = require("passport-twitter");
  const passport = new Passport();
  passport.use(
    new Strategy(
      {
        consumerKey: fake.consumerKey,
        consumerSecret: fake.consumerSecret,
        callbackURL: `${base}/pt/callback`,
        requestTokenURL: `${fake.baseUrl}/oauth/request_token`,
        accessTokenURL: `${fake.baseUrl}/oauth/access_token`,
        userAuthorizationURL: `${fake.baseUrl}/oauth/authenticate`,
        userProfileURL: `${fake.baseUrl}/1.1/account/verify_credentials.json`,
      },
      (token, _tokenSecret, profile, done) => done(null, { token, id: profile.id }),
    ),
  );
  // passport-oauth1 keeps the request token's secret in the session between the two legs.
  const sessions = session({
    secret: "bench-session-secret-0123456789abcdef",
    resave: false,
    saveUninitialized: false,
  });
  web.get("/pt/login", sessions, passport.authenticate("twitter", { session: false }));
  // After sign-in both apps send the browser on, as apps do (passport-twitter's successRedirect, the
  // handlers' returnTo), so the bench measures the sign-in, not a JSON body each app would build.
  web.get("/pt/callback", sessions, passport.authenticate("twitter", { session: false }), (_req, res) =>
    res.redirect("/"),
  );

  // The same handlers twice, the client's fetch the only difference: /x/ with nodeFetch, /xf/ with
  // Node's built-in fetch. Each has its own callback URL, so each sign-in comes back to its own app.
  for (const [prefix, fetchOption] of [
    ["x", { fetch: nodeFetch }],
    ["xf", {}],
  ]) {
    const signIn = createSignInHandlers({
      client: new TwitterOAuth({
        consumerKey: fake.consumerKey,
        consumerSecret: fake.consumerSecret,
        callbackUrl: `${base}/${prefix}/callback`,
        baseUrl: fake.baseUrl,
        ...fetchOption,
      }),
      cookieSecret: "bench-cookie-secret-0123456789abcdef",
      onSuccess: ({ returnTo }) => new Response(null, { status: 302, headers: { location: returnTo } }),
      // As passport-twitter's failWithError-less default: a status, no log line per failure.
      onError: (error) => new Response(error.code, { status: 500 }),
    });
    web.get(`/${prefix}/login`, toNodeListener(signIn.login));
    web.get(`/${prefix}/callback`, toNodeListener(signIn.callback));
  }
  return { base, close: () => server.close() };
}

/**
 * Runs the sign-in leg. Resolves with the CPU time per sign-in (ms, median over rounds) of each side,
 * the ratio handlers with nodeFetch / passport-twitter (below 1.00 = the handlers use less CPU) with
 * its per-round ratios, and the same for the handlers on Node's built-in fetch (`fetchRatio`,
 * `fetchRatios`). `warmup` sign-ins per side run first, untimed.
 */
export async function runSignIn({ rounds = 20, batch = 400, warmup = 1000, only } = {}) {
  const driver = await startDriver();
  const app = await startApp(driver.fake);
  const sides = [
    { name: "twitter-oauth1/handlers, fetch: nodeFetch", login: `${app.base}/x/login`, cpu: [], wall: [] },
    { name: "twitter-oauth1/handlers, Node's fetch", login: `${app.base}/xf/login`, cpu: [], wall: [] },
    { name: "passport-twitter (Express, express-session)", login: `${app.base}/pt/login`, cpu: [], wall: [] },
  ];
  try {
    // Warm-up, and a check that both sides complete a sign-in before anything is timed.
    for (const side of sides) {
      if (only !== undefined && !side.name.startsWith(only)) continue;
      const { failed } = await driver.run(side.login, warmup);
      if (failed > 0) throw new Error(`${side.name}: ${failed} warm-up sign-ins failed`);
    }
    const ratios = [];
    const fetchRatios = [];
    for (let round = 0; round < rounds; round++) {
      // A B C C B A within each round, half a batch each time, starting from the other end every
      // other round: a load that rises or falls steadily on a shared machine weighs on all alike.
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      const used = new Map(sides.map((side) => [side, { cpu: 0, wall: 0 }]));
      for (const side of [...order, ...[...order].reverse()]) {
        if (only !== undefined && !side.name.startsWith(only)) continue;
        const n = Math.ceil(batch / 2);
        const cpu = process.cpuUsage();
        const start = performance.now();
        const { failed } = await driver.run(side.login, n);
        const wall = performance.now() - start;
        const spent = process.cpuUsage(cpu);
        if (failed > 0) throw new Error(`${side.name}: ${failed} sign-ins failed in round ${round + 1}`);
        used.get(side).cpu += (spent.user + spent.system) / 1000 / (2 * n);
        used.get(side).wall += wall / (2 * n);
      }
      for (const side of sides) {
        side.cpu.push(used.get(side).cpu);
        side.wall.push(used.get(side).wall);
      }
      if (only === undefined) {
        ratios.push(sides[0].cpu.at(-1) / sides[2].cpu.at(-1));
        fetchRatios.push(sides[1].cpu.at(-1) / sides[2].cpu.at(-1));
      }
    }
    return {
      rounds,
      batch,
      warmup,
      rows: sides.map((s) => ({ name: s.name, cpuMs: median(s.cpu), wallMs: median(s.wall) })),
      ratio: only === undefined ? median(ratios) : Number.NaN,
      ratios,
      fetchRatio: only === undefined ? median(fetchRatios) : Number.NaN,
      fetchRatios,
    };
  } finally {
    app.close();
    driver.stop();
  }
}

/** The spread of per-round ratios (the headline's by default): quartiles, then min and max. */
export function ratioSpread(result, r = result.ratios) {
  const f = (v) => v.toFixed(2);
  return `quartiles ${f(quantile(r, 0.25))}-${f(quantile(r, 0.75))}, min ${f(Math.min(...r))}, max ${f(Math.max(...r))}`;
}

/** The leg's Markdown table. */
export function signInTable(result) {
  const rows = result.rows.map(
    (r) =>
      `| ${r.name} | ${r.cpuMs.toFixed(3)} | ${r.wallMs.toFixed(3)} | ${(r.cpuMs / result.rows[2].cpuMs).toFixed(2)}x |`,
  );
  return [
    "| app (in Express 5) | CPU ms per sign-in | wall ms per sign-in | CPU vs passport-twitter |",
    "|---|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

/**
 * Puts a run into docs/performance.md between its sign-in markers (the bench's own output: no test
 * writes it).
 */
export function writeSignInDocs(result) {
  const file = join(here, "../docs/performance.md");
  const doc = readFileSync(file, "utf8");
  // The start marker's comment says who writes the section; the run goes after that comment.
  const from = doc.indexOf("<!-- sign-in:start");
  const start = doc.slice(from, doc.indexOf("-->", from) + 3);
  const end = "<!-- sign-in:end -->";
  if (from === -1 || !doc.includes(end)) throw new Error(`docs/performance.md needs <!-- sign-in:start --> and ${end}`);
  const when = new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC";
  const command = `node bench/sign-in.js --rounds=${result.rounds} --batch=${result.batch} --warmup=${result.warmup}`;
  const body = `\n_Run of ${when} in Node ${process.version}, ${cpus().length} CPU(s), load average ${loadavg()[0].toFixed(1)} at the end: \`${command}\`._\n\n${signInTable(result)}\n\n**Handlers (fetch: nodeFetch) / passport-twitter CPU per sign-in: ${result.ratio.toFixed(2)}x** (median over ${result.rounds} interleaved rounds of ${result.batch} sign-ins per side, after ${result.warmup} untimed per side; per-round ratios: ${ratioSpread(result)}; per round: ${result.ratios.map((r) => r.toFixed(2)).join(", ")}). With Node's built-in fetch instead, in the same rounds: ${result.fetchRatio.toFixed(2)}x (${ratioSpread(result, result.fetchRatios)}).\n`;
  writeFileSync(file, doc.slice(0, doc.indexOf(start) + start.length) + body + doc.slice(doc.indexOf(end)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) =>
    Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
  // --only=twitter-oauth1 or --only=passport: one side alone, to profile it (node --cpu-prof); no ratio.
  const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
  const result = await runSignIn({
    rounds: arg("rounds", 20),
    batch: arg("batch", 400),
    warmup: arg("warmup", 1000),
    only,
  });
  if (only !== undefined) {
    console.log(JSON.stringify(result.rows.filter((r) => r.name.startsWith(only))));
    process.exit(0);
  }
  console.log(signInTable(result));
  console.log(
    `\nratio with nodeFetch (median over ${result.rounds} interleaved rounds of ${result.batch}, after ${result.warmup} untimed): ${result.ratio.toFixed(2)}x; ${ratioSpread(result)}; per round ${result.ratios.map((r) => r.toFixed(2)).join(", ")}; with Node's fetch: ${result.fetchRatio.toFixed(2)}x; ${ratioSpread(result, result.fetchRatios)}; load average ${loadavg()[0].toFixed(1)}`,
  );
  if (process.argv.includes("--write-docs")) writeSignInDocs(result);
}
