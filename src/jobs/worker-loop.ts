/** Where background work writes: a pino-style logger (the server's). Fields never hold a secret. */
export interface WorkerLog {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** One piece of background work the loop runs at every tick (the scheduler, the outbox). */
export interface LoopTask {
  /** Names the task in log lines. */
  name: string;
  /** Does every piece of work due now, then resolves. */
  runOnce(): Promise<unknown>;
  /** Starts no new work and resolves once the work in flight has finished. */
  stop(): Promise<void>;
}

/** Options of the worker loop. */
export interface WorkerLoopOptions {
  /** Run in this order at every tick. */
  tasks: readonly LoopTask[];
  log: WorkerLog;
  /** Pause between the end of one tick and the start of the next (2 s). */
  intervalMs?: number;
}

/** The running loop of a process. */
export interface WorkerLoop {
  /** Runs one tick now, after the tick in flight if there is one. */
  tick(): Promise<void>;
  /** Stops ticking: lets the tick in flight finish (no task starts new work), then resolves. */
  stop(): Promise<void>;
}

const DEFAULT_INTERVAL_MS = 2_000;

/**
 * Starts the one loop of background work of a server process. Ticks never overlap: the next
 * one is planned only when the last has ended, so a slow tick delays the next instead of
 * piling up. A task that fails is logged and the others still run; it is tried again at the
 * next tick.
 */
export function startWorkerLoop({ tasks, log, intervalMs = DEFAULT_INTERVAL_MS }: WorkerLoopOptions): WorkerLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // Ticks run one after the other on this chain, so two never overlap.
  let chain: Promise<void> = Promise.resolve();

  async function runTasks(): Promise<void> {
    for (const task of tasks) {
      if (stopped) return;
      try {
        await task.runOnce();
      } catch (error) {
        log.error({ task: task.name, error: errorText(error) }, "Background work failed; retrying at the next tick");
      }
    }
  }

  function tick(): Promise<void> {
    const run = chain.then(runTasks);
    chain = run;
    return run;
  }

  function plan(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      void tick().finally(plan);
    }, intervalMs);
    // Polling alone does not keep the process alive; the server does.
    timer.unref();
  }

  plan();
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await Promise.all(tasks.map((task) => task.stop()));
      await chain;
    },
  };
}

/** An error in one line for a log or an admin: driver and handler messages hold no credentials. */
export function errorText(error: unknown): string {
  const fields = error as { code?: unknown; message?: unknown } | null;
  const message = typeof fields?.message === "string" ? fields.message : String(error);
  return (typeof fields?.code === "string" ? `${fields.code}: ${message}` : message).replace(/\s+/g, " ").slice(0, 500);
}
