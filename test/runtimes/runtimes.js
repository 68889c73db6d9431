// The eleven conformance runs of test/runtimes/run.js, in order: the name to run one alone, the
// label of its summary line, its cell in the README's table, the command, and how to install it.
import { ensureRuntimes, nodeBinary, RUNTIMES_HINT, runtimeBin } from "./runtime-bins.js";

const entry = "test/runtimes/entry.js";
const browser = (engine) => () => [process.execPath, "test/runtimes/browser.js", engine];

// `readme` is the runtime's cell in the README table; the runner prints the version it ran.
export const RUNTIMES = [
  {
    name: "node20",
    label: "Node 20 (system)",
    readme: "Node (the system's)",
    command: () => [process.execPath, entry],
    hint: "install Node.js >= 20 and run with it",
  },
  {
    name: "node20-webcrypto",
    label: "Node 20, WebCrypto path",
    readme: "Node (the system's), node:crypto hidden",
    command: () => [process.execPath, entry, "--webcrypto"],
    hint: "install Node.js >= 20 and run with it",
  },
  {
    name: "node22",
    label: "Node 22 (npm node)",
    readme: "Node (npm `node`)",
    command: () => [nodeBinary(22), entry],
    setup: ensureRuntimes,
    hint: RUNTIMES_HINT,
  },
  {
    name: "node24",
    label: "Node 24 (npm node)",
    readme: "Node (npm `node`)",
    command: () => [nodeBinary(24), entry],
    setup: ensureRuntimes,
    hint: RUNTIMES_HINT,
  },
  {
    name: "deno",
    label: "Deno (npm deno)",
    readme: "Deno (npm `deno`)",
    // Reading dist/ is what the suite's dynamic imports of the entry points need; the network
    // cases connect to the runner's hostile X on loopback.
    command: () => [
      runtimeBin("deno"),
      "run",
      "--no-prompt",
      "--no-config",
      "--allow-read=dist",
      "--allow-net=127.0.0.1",
      entry,
    ],
    setup: ensureRuntimes,
    hint: RUNTIMES_HINT,
  },
  {
    name: "bun",
    label: "Bun (npm bun)",
    readme: "Bun (npm `bun`)",
    command: () => [runtimeBin("bun"), entry],
    setup: ensureRuntimes,
    hint: RUNTIMES_HINT,
  },
  {
    name: "workerd",
    label: "workerd (npm workerd)",
    readme: "Cloudflare workerd",
    command: () => [process.execPath, "test/runtimes/workerd.js"],
    setup: ensureRuntimes,
    hint: RUNTIMES_HINT,
  },
  {
    name: "edge-runtime",
    label: "Edge Runtime (npm edge-runtime)",
    readme: "Vercel Edge Runtime (npm `edge-runtime`)",
    command: () => [process.execPath, "test/runtimes/edge-runtime.js"],
    setup: ensureRuntimes,
    hint: RUNTIMES_HINT,
  },
  {
    name: "chromium",
    label: "Chromium (Debian, playwright-core)",
    readme: "Chromium, headless (Debian's)",
    command: browser("chromium"),
    hint: "apt-get install -y chromium",
  },
  {
    name: "firefox",
    label: "Firefox ESR (Debian, puppeteer-core)",
    readme: "Firefox ESR, headless (Debian's)",
    command: browser("firefox"),
    hint: "apt-get install -y firefox-esr",
  },
  {
    name: "webkit",
    label: "WebKitGTK (Debian, WebDriver)",
    readme: "WebKitGTK MiniBrowser under Xvfb (Debian's)",
    command: browser("webkit"),
    hint: "apt-get install -y webkit2gtk-driver xvfb",
  },
];
