// Every cases file of the suite, with the entry points its cases need. A new entry point of
// package.json "exports" gets its own cases file, listed here; the runners need no change.
import { clientCases } from "./client.js";
import { coreCases } from "./core.js";
import { handlerCases } from "./handlers.js";
import { networkCases } from "./network.js";
import { nodeCases } from "./node.js";
import { oauth2Cases } from "./oauth2.js";
import { passportCases } from "./passport.js";
import { stateCases } from "./state.js";
import { vectorCases } from "./vectors.js";

/**
 * [{ name, entryPoints, cases(entries, options) }]: `entries` maps each subpath ("." …) to its
 * namespace; `options.network` is the origin of a hostile X on loopback, when the runner serves one.
 */
export const CASE_FILES = [
  { name: "vectors", entryPoints: ["."], cases: (entries) => vectorCases(entries["."]) },
  { name: "core", entryPoints: ["."], cases: (entries) => coreCases(entries["."]) },
  {
    name: "client",
    entryPoints: [".", "./testing"],
    cases: (entries) => clientCases(entries["."], entries["./testing"]),
  },
  { name: "state", entryPoints: ["."], cases: (entries) => stateCases(entries["."]) },
  { name: "network", entryPoints: ["."], cases: (entries, options) => networkCases(entries["."], options.network) },
  {
    name: "handlers",
    entryPoints: [".", "./testing", "./handlers"],
    cases: (entries) => handlerCases(entries),
  },
  {
    name: "passport",
    entryPoints: ["./testing", "./passport"],
    cases: (entries) => passportCases(entries["./testing"], entries["./passport"]),
  },
  { name: "oauth2", entryPoints: ["./oauth2"], cases: (entries) => oauth2Cases(entries["./oauth2"]) },
  { name: "node", entryPoints: [".", "./node", "./testing"], cases: (entries) => nodeCases(entries) },
];
