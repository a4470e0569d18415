/**
 * How many proposals an organization may submit per term: its own quota when its admins set one
 * (0 lets it propose nothing), else the program's; null when neither sets a limit.
 */
export function effectiveProjectQuota(organization: { projectQuota: number | null }, program: { projectQuota: number | null }): number | null {
  return organization.projectQuota ?? program.projectQuota;
}
