// JSON shapes of Hrana over HTTP (see docs/HRANA_3_SPEC.md in tursodatabase/libsql).
// Incoming structures are typed loosely (`unknown` fields) because they come off the wire
// and are validated where they are used.

export type HranaValue =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };

export interface HranaError {
  message: string;
  code: string;
}

export interface HranaCol {
  name: string | null;
  decltype: string | null;
}

export interface HranaStmtResult {
  cols: HranaCol[];
  rows: HranaValue[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
  rows_read: number;
  rows_written: number;
  query_duration_ms: number;
}

export interface HranaBatchResult {
  step_results: Array<HranaStmtResult | null>;
  step_errors: Array<HranaError | null>;
}

export interface HranaDescribeResult {
  params: Array<{ name: string | null }>;
  cols: HranaCol[];
  is_explain: boolean;
  is_readonly: boolean;
}

export type HranaStreamResponse =
  | { type: "close" }
  | { type: "execute"; result: HranaStmtResult }
  | { type: "batch"; result: HranaBatchResult }
  | { type: "sequence" }
  | { type: "describe"; result: HranaDescribeResult }
  | { type: "store_sql" }
  | { type: "close_sql" }
  | { type: "get_autocommit"; is_autocommit: boolean };

export type HranaStreamResult =
  | { type: "ok"; response: HranaStreamResponse }
  | { type: "error"; error: HranaError };

export interface HranaPipelineResponse {
  baton: string | null;
  base_url: string | null;
  results: HranaStreamResult[];
}

/** A loosely typed incoming object (a JSON object straight off the wire). */
export type WireObject = Record<string, unknown>;

/** An error that travels to the client as a Hrana `Error` structure. */
export class HranaFailure extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = "HranaFailure";
    this.code = code;
  }
}

export function isWireObject(value: unknown): value is WireObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
