export declare const root: string;
/** Where the committed report lives: api/twitter-oauth1.api.md. */
export declare const REPORT: string;
/** The report's text, freshly computed from src/. */
export declare function apiReport(): string;
/** Names per entry point, from a report's text. */
export declare function namesByEntry(report: string): Record<string, string[]>;
