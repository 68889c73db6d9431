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
