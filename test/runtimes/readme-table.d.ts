export interface MeasuredRow {
  name: string;
  runtime: string;
  version: string;
  via?: string | undefined;
  hmac: string;
  result: string;
}
export declare const START: string;
export declare const END: string;
export declare function renderRow(row: MeasuredRow): string;
export declare function renderTable(rows: MeasuredRow[]): string;
export declare function tableIn(readme: string): string;
export declare function readmeRows(readme: string): Map<string, string>;
export declare function parseRow(name: string, line: string): MeasuredRow;
export declare function compareReadme(readme: string, rows: MeasuredRow[]): { problems: string[]; notes: string[] };
export declare function replaceTable(readme: string, table: string): string;
