import { describe, expect, it } from "vitest";
import { type LoopTask, startWorkerLoop, type WorkerLog } from "./worker-loop.ts";

/** Log lines as `level: message task`, to read what the loop reported. */
function captureLog(): { log: WorkerLog; lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (fields: object, message: string) => lines.push(`${level}: ${message} ${JSON.stringify(fields)}`);
  return { log: { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") }, lines };
}

/** A task that records its runs and the most tasks ever running at once; each run waits for `gate`. */
function recordingTask(name: string, shared: { running: number; most: number; runs: string[] }, gate?: () => Promise<void>): LoopTask & { stopped: boolean } {
  const task = {
    name,
    stopped: false,
    async runOnce() {
      shared.running += 1;
      shared.most = Math.max(shared.most, shared.running);
      shared.runs.push(name);
      await (gate ? gate() : new Promise((resolve) => setTimeout(resolve, 5)));
      shared.running -= 1;
    },
    async stop() {
      task.stopped = true;
    },
  };
  return task;
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("the worker loop of a process", () => {
  it("runs its tasks in order at every tick, one at a time, however short the interval", async () => {
    const shared = { running: 0, most: 0, runs: [] as string[] };
    const loop = startWorkerLoop({ tasks: [recordingTask("jobs", shared), recordingTask("outbox", shared)], log: captureLog().log, intervalMs: 1 });
    // A tick asked for by hand while the timer ticks too waits its turn.
    await Promise.all([loop.tick(), loop.tick()]);
    await until(() => shared.runs.length >= 8);
    await loop.stop();
    expect(shared.most).toBe(1);
    const ticks = shared.runs.length / 2;
    expect(shared.runs).toEqual(Array.from({ length: ticks }, () => ["jobs", "outbox"]).flat());
  });

  it("logs a task that fails and still runs the next one", async () => {
    const shared = { running: 0, most: 0, runs: [] as string[] };
    const captured = captureLog();
    const failing: LoopTask = {
      name: "jobs",
      runOnce: () => Promise.reject(new Error("connection refused")),
      stop: async () => undefined,
    };
    const loop = startWorkerLoop({ tasks: [failing, recordingTask("outbox", shared)], log: captured.log, intervalMs: 60_000 });
    await loop.tick();
    await loop.stop();
    expect(shared.runs).toEqual(["outbox"]);
    expect(captured.lines).toEqual(['error: Background work failed; retrying at the next tick {"task":"jobs","error":"connection refused"}']);
  });

  it("when stopped, lets the tick in flight finish, stops its tasks and starts no other tick", async () => {
    const shared = { running: 0, most: 0, runs: [] as string[] };
    let release: () => void = () => undefined;
    const gate = () =>
      new Promise<void>((resolve) => {
        release = resolve;
      });
    const jobs = recordingTask("jobs", shared, gate);
    const outbox = recordingTask("outbox", shared);
    const loop = startWorkerLoop({ tasks: [jobs, outbox], log: captureLog().log, intervalMs: 1 });
    await until(() => shared.running === 1);

    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    expect(jobs.stopped && outbox.stopped).toBe(true);
    release();
    await stopping;
    // The tick in flight ended without starting the outbox task, which was already stopped.
    expect(shared.runs).toEqual(["jobs"]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shared.runs).toEqual(["jobs"]);
  });
});
