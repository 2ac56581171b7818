import { describe, expect, it } from "vitest";
import { runPool } from "../src/migrations/run-pool.ts";

describe("runPool", () => {
  it("keeps at most `concurrency` tasks in flight and preserves order", async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await runPool([5, 1, 4, 2, 3, 0, 2], 3, async (delay, index) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, delay * 3));
      inFlight--;
      return `${index}:${delay}`;
    });
    expect(peak).toBe(3);
    expect(results).toEqual(["0:5", "1:1", "2:4", "3:2", "4:3", "5:0", "6:2"]);
  });

  it("handles an empty list and odd concurrency values", async () => {
    expect(await runPool([], 8, async () => 1)).toEqual([]);
    expect(await runPool([1, 2], 0, async (n) => n * 2)).toEqual([2, 4]);
  });
});
