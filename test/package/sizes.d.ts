export interface SizeCheck {
  name: string;
  subpath: string;
  file: string | undefined;
  imports: string;
  budget?: number;
  target?: number;
}
export interface MeasuredSize extends SizeCheck {
  size: number;
  passed: boolean;
}
export declare const START: string;
export declare const END: string;
export declare function sizeChecks(manifest: unknown): SizeCheck[];
export declare function measure(packageDir: string, checks: SizeCheck[]): Promise<MeasuredSize[]>;
export declare function sizesBlock(measured: MeasuredSize[]): string;
export declare function sizesBlockIn(text: string, where?: string): string;
export declare function docsRows(text: string): Map<string, { size: number; budget: number }>;
export declare function compareSizes(text: string, measured: MeasuredSize[]): { problems: string[]; notes: string[] };
export declare function replaceSizes(text: string, measured: MeasuredSize[]): string;
export declare function writeSizes(docsPath: string, measured: MeasuredSize[]): boolean;
