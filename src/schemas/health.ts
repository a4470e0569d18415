import { z } from "zod";

/** The answer of /healthz: the process is alive. */
export const HealthResponse = z.object({ status: z.literal("ok") }).meta({ id: "Health" });
/** The process is alive. */
export type HealthResponse = z.infer<typeof HealthResponse>;

/** The answer of /readyz: the database answers. */
export const ReadyResponse = z
  .object({
    status: z.literal("ready"),
    database: z.enum(["sqlite", "postgres"]),
  })
  .meta({ id: "Ready" });
/** The database answers. */
export type ReadyResponse = z.infer<typeof ReadyResponse>;

/** `GET /metrics`: the Prometheus text exposition format. */
export const MetricsText = z.string().describe("text/plain; version=0.0.4");
