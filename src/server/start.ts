import type { FastifyInstance } from "fastify";
import type { Config } from "../config/config.ts";
import { seedDemoIfEmpty } from "../demo/seed-demo.ts";
import { AppError } from "../errors/app-error.ts";
import { createMailer } from "../jobs/mailer.ts";
import { createOutboxWorker } from "../jobs/outbox-worker.ts";
import { createScheduler } from "../jobs/scheduler.ts";
import { type LoopTask, startWorkerLoop } from "../jobs/worker-loop.ts";
import { type DatabaseHandle, openDatabase } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { VERSION } from "../version.ts";
import { buildApp, LOG_SERIALIZERS, REDACTED_LOG_PATHS } from "./app.ts";

/** A server that listens, and how to stop it gracefully. */
export interface RunningServer {
  url: string;
  app: FastifyInstance;
  database: DatabaseHandle;
  /** The demo terms this start loaded into an empty database, if any. */
  demoTerms: string[];
  /** Stops accepting connections, finishes requests in flight, then closes the database. */
  close(): Promise<void>;
}

/** Options for starting a server process. */
export interface StartServerOptions {
  config: Config;
  /** Run pending migrations before listening (the default; several processes may do it at once). */
  migrate?: boolean;
  /** Load the demo program when the database holds no program (for a first look). */
  demo?: boolean;
  /** Where log lines go (standard output by default). */
  logDestination?: NodeJS.WritableStream;
  /**
   * Deliver the outbox over SMTP from this process (the default; tests that read the outbox may
   * turn it off). Scheduled jobs run either way.
   */
  outboxWorker?: boolean;
  /** Folder of the built web UI (web/dist by default). */
  webRoot?: string;
  /** The server's clock (the system's by default); browser tests move it to a term's instants. */
  now?: () => Date;
}

/**
 * Opens the database, migrates it, and listens. Every failure a person can fix (database
 * unreachable, port taken, address unknown) is an AppError with a message that says how.
 */
export async function startServer({
  config,
  migrate = true,
  demo = false,
  logDestination,
  outboxWorker = true,
  webRoot,
  now = () => new Date(),
}: StartServerOptions): Promise<RunningServer> {
  const database = await openDatabase(config.databaseUrl);
  try {
    if (migrate) await migrateToLatest(database.db);
    const demoTerms = demo ? await seedDemoIfEmpty(database, new Date()) : [];
    // Known once listening (the port may be 0); links in emails need it before COHORT_PUBLIC_URL is set.
    let listeningUrl = `http://${config.host}:${config.port}`;
    const baseUrl = () => config.publicUrl ?? listeningUrl;
    const app = await buildApp({
      context: { config, database, now, baseUrl },
      version: VERSION,
      ...(webRoot ? { webRoot } : {}),
      logger: {
        level: config.logLevel,
        redact: { paths: REDACTED_LOG_PATHS, censor: "[redacted]" },
        serializers: LOG_SERIALIZERS,
        ...(logDestination ? { stream: logDestination } : {}),
      },
    });
    try {
      await app.listen({ host: config.host, port: config.port });
    } catch (error) {
      await app.close();
      throw listenError(error, config);
    }
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const host = config.host.includes(":") ? `[${config.host}]` : config.host;
    listeningUrl = `http://${host}:${port}`;
    const mailer = outboxWorker ? createMailer(config) : null;
    const scheduler = createScheduler({ database, log: app.log, baseUrl, now });
    const outbox = outboxWorker ? createOutboxWorker({ database, mailer, log: app.log, now }) : undefined;
    // One loop per process. Jobs run first, so an email one of them enqueues leaves in the same tick.
    const tasks: LoopTask[] = [{ name: "scheduled jobs", runOnce: scheduler.runDueJobs, stop: scheduler.stop }];
    if (outbox) tasks.push({ name: "outbox", runOnce: outbox.drainOnce, stop: outbox.stop });
    const loop = startWorkerLoop({ tasks, log: app.log });
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      demoTerms,
      app,
      database,
      close() {
        closing ??= (async () => {
          // The loop finishes its tick (the job and the sends in flight) while the database is still open.
          await loop.stop();
          mailer?.close();
          await app.close();
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

function listenError(error: unknown, config: Config): Error {
  const code = (error as { code?: string }).code;
  if (code === "EADDRINUSE") {
    return new AppError(
      "INVALID_INPUT",
      `Port ${config.port} on ${config.host} is already in use; stop the other process or choose another port with --port or COHORT_PORT.`,
    );
  }
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return new AppError("INVALID_INPUT", `Cannot listen on host "${config.host}": it is not an address of this machine; use --host 127.0.0.1 or 0.0.0.0.`);
  }
  if (code === "EACCES") {
    return new AppError("INVALID_INPUT", `Port ${config.port} needs administrator rights; choose a port above 1023 with --port or COHORT_PORT.`);
  }
  return error as Error;
}

/**
 * Stops the server gracefully on SIGTERM or SIGINT; a second signal exits at once.
 * Resolves when the server has closed.
 */
export function closeOnSignals(server: RunningServer, log: (line: string) => void): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        log(`Received ${signal} again; exiting now.`);
        process.exit(1);
      }
      stopping = true;
      log(`Received ${signal}; finishing requests in flight, then stopping.`);
      server.close().then(resolve, (error: unknown) => {
        log(`Shutdown failed: ${(error as Error).message}`);
        resolve();
      });
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  });
}
