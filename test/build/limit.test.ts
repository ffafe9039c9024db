/** limit(n): at most n tasks at once; a task that throws before returning its promise fails alone. */
import { describe, expect, it } from "vitest";
import { limit } from "../../src/pipeline/limit.ts";

describe("limit", () => {
  it("runs tasks one at a time, in order", async () => {
    const slot = limit(1);
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`end ${name}`);
      return name;
    };
    expect(await Promise.all([slot(task("a")), slot(task("b"))])).toEqual(["a", "b"]);
    expect(log).toEqual(["start a", "end a", "start b", "end b"]);
  });

  it("rejects a task that throws synchronously, and the next task still runs", async () => {
    const slot = limit(1);
    const first = slot(() => new Promise((r) => setTimeout(() => r(1), 10)));
    const second = slot((): Promise<number> => {
      throw new Error("cancelled before it started");
    });
    const third = slot(async () => 3);
    await expect(first).resolves.toBe(1);
    await expect(second).rejects.toThrow("cancelled before it started");
    await expect(third).resolves.toBe(3);
    // Also when it is the first task, run at once.
    const again = limit(1);
    await expect(again((): Promise<number> => { throw new Error("at once"); })).rejects.toThrow("at once");
    await expect(again(async () => 4)).resolves.toBe(4);
  });
});
