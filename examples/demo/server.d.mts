import type { FakeTwitter } from "twitter-oauth1/testing";

/** Options of {@link startDemo}. */
export interface DemoOptions {
  port?: number;
  fakePort?: number;
  host?: string;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
}

/** A running demo. */
export interface RunningDemo {
  siteUrl: string;
  fakeUrl: string | undefined;
  fake: FakeTwitter | undefined;
  mode: "fake" | "real";
  close(): Promise<void>;
}

/** Starts the demo site (and the fake X unless real credentials are set). */
export declare function startDemo(options?: DemoOptions): Promise<RunningDemo>;
