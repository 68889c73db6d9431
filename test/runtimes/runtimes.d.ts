export interface Runtime {
  name: string;
  label: string;
  readme: string;
  command(): string[];
  setup?(): string | undefined;
  needs?: string;
  hint: string;
}
export declare const RUNTIMES: Runtime[];
