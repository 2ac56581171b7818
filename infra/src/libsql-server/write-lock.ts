// One writer at a time per database file. SQLite itself would answer a second writer with SQLITE_BUSY at
// once (and a busy-timeout would block Node's only thread), so streams queue here instead: a stream that
// runs a pipeline claims the lock; it keeps it for as long as its connection stays inside a transaction.
import { HranaFailure } from "./hrana-protocol.ts";

export class WriteLock {
  #holder: object | null = null;
  #waiters = new Set<() => void>();
  #destroyed: HranaFailure | null = null;

  get holder(): object | null {
    return this.#holder;
  }

  /**
   * Waits until nobody else holds the lock, then claims it for `owner`.
   * Returns false when `timeoutMs` passed first; throws when aborted or when the database went away.
   */
  async acquire(owner: object, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.#destroyed) throw this.#destroyed;
      if (signal?.aborted) throw new HranaFailure("Request was aborted", "ABORTED");
      if (this.#holder === null || this.#holder === owner) {
        this.#holder = owner; // claimed synchronously, so a woken competitor sees it taken
        return true;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", wake);
          this.#waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, remaining);
        signal?.addEventListener("abort", wake);
        this.#waiters.add(wake);
      });
    }
  }

  /** Called after each pipeline of a claiming stream: keep the lock only while inside a transaction. */
  settle(owner: object, inTransaction: boolean): void {
    if (this.#holder === owner && !inTransaction) this.release(owner);
  }

  release(owner: object): void {
    if (this.#holder !== owner) return;
    this.#holder = null;
    // Wake everybody; the first to run claims the lock, the rest go back to waiting (in order).
    for (const wake of [...this.#waiters]) wake();
  }

  /** The database is gone: fail all current and future waiters. */
  destroy(reason: HranaFailure): void {
    this.#destroyed = reason;
    this.#holder = null;
    for (const wake of [...this.#waiters]) wake();
  }
}
