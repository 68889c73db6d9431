import type { BuildOptions } from "esbuild";

export declare const WORKERD_PATH: string;
export declare const WORKERD_INSTALL_HINT: string;
/** `workerd --version`, trimmed; throws with the install hint when workerd is missing or broken. */
export declare function workerdVersion(): string;

/** A service next to the Worker: an HTTP server outside workerd, or a network the Worker may reach. */
export type WorkerdService = { name: string; external: string } | { name: string; network: string[] };

export interface WorkerdOptions {
  /** The Worker's entry module, bundled with esbuild (esm, browser platform, es2022). */
  entry: string;
  /** The work folder (emptied first) for the bundle and the config. */
  work: string;
  /** Extra esbuild options, such as `conditions`. */
  esbuild?: BuildOptions;
  compatibilityDate: string;
  /** None unless given: in particular no nodejs_compat. */
  compatibilityFlags?: string[];
  /** A string is a text binding; `{ service }` binds one of `services`. */
  bindings?: Record<string, string | { service: string }>;
  services?: WorkerdService[];
  /** The service the Worker's own fetch() goes through (such as a `network` service). */
  globalOutbound?: string;
  /** The Worker's service name; "main" by default. */
  name?: string;
  /** A fixed port; otherwise a free one (another is tried when it was taken meanwhile). */
  port?: number;
  /** Passes --verbose to workerd. */
  verbose?: boolean;
  /** workerd's environment; this process's by default. */
  env?: Record<string, string>;
  /** How long workerd may take to listen; 60 s by default. */
  timeoutMs?: number;
}

export interface Workerd {
  /** http://127.0.0.1:port */
  url: string;
  port: number;
  /** Everything workerd printed so far, for failure messages. */
  output(): string;
  /** Kills workerd's process group and resolves once it has exited. */
  stop(): Promise<void>;
}

export declare function startWorkerd(options: WorkerdOptions): Promise<Workerd>;
