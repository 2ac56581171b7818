// Structured JSON logs: one object per line, always with the request id.

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export function createLogger(base: Record<string, unknown> = {}): Logger {
  return {
    log(level, message, fields = {}) {
      const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...base, ...fields });
      if (level === "error") console.error(line);
      else if (level === "warn") console.warn(line);
      else console.log(line);
    },
    child(fields) {
      return createLogger({ ...base, ...fields });
    },
  };
}
