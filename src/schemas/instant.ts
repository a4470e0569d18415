import { z } from "zod";

/** An instant as every answer carries it: ISO 8601 in UTC. */
export const Instant = z.string().describe("An instant, ISO 8601 in UTC (e.g. 2024-05-29T00:00:00.000Z).");
