import type { IncomingMessage, RequestListener, Server } from "node:http";

export interface Listening {
  server: Server;
  port: number;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Closes the server and its open connections; resolves once it is closed. */
  close(): Promise<void>;
}

/** Serves `handler` on a free port of 127.0.0.1. */
export declare function listen(handler: RequestListener<typeof IncomingMessage>): Promise<Listening>;

/**
 * One request sent exactly as given, to `host` (default 127.0.0.1) on `port`: no Host header is
 * added, so a test can send none or one naming another host. Resolves with the status and the body.
 */
export declare function rawRequest(request: {
  port: number | string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  host?: string;
}): Promise<{ status: number; body: string }>;
