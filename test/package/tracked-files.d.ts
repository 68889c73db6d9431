export declare function snapshot(root: string): Map<string, string> | undefined;
export declare function changedBetween(before: Map<string, string>, after: Map<string, string>): string[];
