import type { ServerInfoResponse } from "../../../src/schemas/server-info.ts";
import { apiPaths } from "./paths.ts";
import { useApi } from "./use-api.ts";

/** Whether this server sends email: true or false once known, null while it loads or if it could not be asked. */
export function useSendsEmail(): boolean | null {
  const server = useApi<ServerInfoResponse>(apiPaths.server());
  return server.data?.sendsEmail ?? null;
}
