// The database files in the data folder: one `<name>.db` per database, each with a small pool of idle
// connections, a write lock and a cache of parameter layouts.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { closeConnection, openConnection, resetConnection, type Connection } from "./connections.ts";
import { HranaFailure } from "./hrana-protocol.ts";
import { readParamLayout, type ParamLayout } from "./statement-params.ts";
import { WriteLock } from "./write-lock.ts";

export const DATABASE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MAX_IDLE_CONNECTIONS = 4;
const MAX_CACHED_LAYOUTS = 256;

export class DatabaseHandle {
  readonly lock = new WriteLock();
  #idle: Connection[] = [];
  #open = new Set<Connection>();
  #layouts = new Map<string, ParamLayout>();
  #closed = false;

  constructor(
    readonly name: string,
    readonly path: string,
  ) {}

  get closed(): boolean {
    return this.#closed;
  }

  checkout(): Connection {
    if (this.#closed) throw new HranaFailure(`Database "${this.name}" was deleted`, "DATABASE_DELETED");
    const idle = this.#idle.pop();
    if (idle) return idle;
    const conn = openConnection(this.path, { enableWal: this.#open.size === 0 });
    this.#open.add(conn);
    return conn;
  }

  /** Returns a stream's connection (rolling back whatever it left open). */
  checkin(conn: Connection): void {
    if (!this.#closed && this.#idle.length < MAX_IDLE_CONNECTIONS && resetConnection(conn)) {
      this.#idle.push(conn);
      return;
    }
    this.#open.delete(conn);
    closeConnection(conn);
  }

  paramLayout(conn: Connection, sql: string): ParamLayout {
    let layout = this.#layouts.get(sql);
    if (!layout) {
      layout = readParamLayout(conn.db, sql);
      if (this.#layouts.size >= MAX_CACHED_LAYOUTS) this.#layouts.clear();
      this.#layouts.set(sql, layout);
    }
    return layout;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.lock.destroy(new HranaFailure(`Database "${this.name}" was closed or deleted`, "DATABASE_DELETED"));
    for (const conn of this.#open) closeConnection(conn);
    this.#open.clear();
    this.#idle = [];
  }
}

export class DatabaseRegistry {
  #handles = new Map<string, DatabaseHandle>();

  constructor(readonly dataDir: string) {}

  fileOf(name: string): string {
    return join(this.dataDir, `${name}.db`);
  }

  exists(name: string): boolean {
    return DATABASE_NAME.test(name) && existsSync(this.fileOf(name));
  }

  /** The open handle of an existing database, or null (a database exists iff its file does). */
  get(name: string): DatabaseHandle | null {
    if (!this.exists(name)) {
      this.#forget(name);
      return null;
    }
    let handle = this.#handles.get(name);
    if (!handle) {
      handle = new DatabaseHandle(name, this.fileOf(name));
      this.#handles.set(name, handle);
    }
    return handle;
  }

  /** Creates the file (in WAL mode). Returns false when it already exists. */
  create(name: string): boolean {
    if (this.exists(name)) return false;
    this.#forget(name);
    const handle = new DatabaseHandle(name, this.fileOf(name));
    handle.checkin(handle.checkout()); // opening creates the file and switches it to WAL
    this.#handles.set(name, handle);
    return true;
  }

  /** Closes every connection and removes the file with its -wal/-shm. Streams must be closed first. */
  delete(name: string): boolean {
    if (!this.exists(name)) return false;
    this.#forget(name);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(this.fileOf(name) + suffix, { force: true });
    return true;
  }

  list(): string[] {
    return readdirSync(this.dataDir)
      .filter((file) => file.endsWith(".db"))
      .map((file) => file.slice(0, -3))
      .filter((name) => DATABASE_NAME.test(name))
      .sort();
  }

  closeAll(): void {
    for (const handle of this.#handles.values()) handle.close();
    this.#handles.clear();
  }

  #forget(name: string): void {
    this.#handles.get(name)?.close();
    this.#handles.delete(name);
  }
}
