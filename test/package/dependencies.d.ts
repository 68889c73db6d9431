export declare function dependencyProblems(manifest: Record<string, unknown>, installed: string[]): string[];
