import type { Config } from "../config/config.ts";
import type { DatabaseHandle } from "../storage/database.ts";

/** What every route and command of one server process shares. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  /** The server clock: every "now" comes from here, so tests can set the time. */
  now(): Date;
  /** Where links in emails point: COHORT_PUBLIC_URL, or the address the server listens on. */
  baseUrl(): string;
}
