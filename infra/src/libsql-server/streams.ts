// Hrana streams over HTTP: each stream owns one connection and is addressed by a baton that changes with
// every response. A stream that goes quiet (client crashed, `tx` never closed) is rolled back and closed
// after `idleMs`, which also releases the write lock it may hold.
import { randomBytes } from "node:crypto";
import { isInTransaction, type Connection } from "./connections.ts";
import type { DatabaseHandle } from "./databases.ts";
import { HranaFailure } from "./hrana-protocol.ts";

export class Stream {
  readonly sqlTexts = new Map<number, string>();
  baton: string | null = null;
  timer: NodeJS.Timeout | undefined;
  #conn: Connection | null = null;
  #closed = false;

  constructor(
    readonly id: number,
    readonly handle: DatabaseHandle,
  ) {}

  get closed(): boolean {
    return this.#closed;
  }

  get inTransaction(): boolean {
    return this.#conn !== null && isInTransaction(this.#conn);
  }

  /** The stream's connection, taken from the database's pool on first use. */
  connection(): Connection {
    if (this.#closed) throw new HranaFailure("The stream is closed", "STREAM_CLOSED");
    this.#conn ??= this.handle.checkout();
    return this.#conn;
  }

  /** Rolls back anything open, hands the connection back and releases the write lock. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#conn) this.handle.checkin(this.#conn);
    this.#conn = null;
    this.handle.lock.release(this);
  }
}

export class StreamRegistry {
  #byBaton = new Map<string, Stream>();
  #all = new Set<Stream>();
  #nextId = 1;

  constructor(
    private readonly idleMs: number,
    private readonly onExpire: (stream: Stream) => void,
  ) {}

  open(handle: DatabaseHandle): Stream {
    const stream = new Stream(this.#nextId++, handle);
    this.#all.add(stream);
    return stream;
  }

  /** Looks up a baton and takes the stream out of circulation while a pipeline runs on it. */
  take(baton: string): Stream | undefined {
    const stream = this.#byBaton.get(baton);
    if (!stream) return undefined;
    this.#byBaton.delete(baton);
    stream.baton = null;
    clearTimeout(stream.timer);
    return stream;
  }

  /** After a pipeline: hands out a fresh baton and starts the idle clock. */
  park(stream: Stream): string {
    const baton = randomBytes(24).toString("base64url");
    stream.baton = baton;
    this.#byBaton.set(baton, stream);
    stream.timer = setTimeout(() => {
      this.onExpire(stream);
      this.close(stream);
    }, this.idleMs);
    stream.timer.unref();
    return baton;
  }

  close(stream: Stream): void {
    clearTimeout(stream.timer);
    if (stream.baton !== null) this.#byBaton.delete(stream.baton);
    stream.baton = null;
    this.#all.delete(stream);
    stream.close();
  }

  closeFor(handle: DatabaseHandle): void {
    for (const stream of [...this.#all]) if (stream.handle === handle) this.close(stream);
  }

  closeAll(): void {
    for (const stream of [...this.#all]) this.close(stream);
  }
}
