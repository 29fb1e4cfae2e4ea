/** An on-call admin as round-robin sees them. */
export interface AssigneeCandidate {
  id: string;
  capacity: number;
  /** Mentions assigned to or held by them that are not closed. */
  openCount: number;
  /** When they were last given a mention; null if never. */
  lastAssignedAt: Date | null;
}

/**
 * The next assignee: among the online admins below their capacity (and not excluded), the one
 * with the fewest open mentions; on a tie, whoever was given one least recently (never first),
 * so equal loads rotate. Null when nobody is eligible.
 */
export function pickAssignee(candidates: AssigneeCandidate[], online: ReadonlySet<string>, exclude: readonly string[] = []): AssigneeCandidate | null {
  const eligible = candidates.filter((c) => online.has(c.id) && c.openCount < c.capacity && !exclude.includes(c.id));
  eligible.sort(
    (a, b) =>
      a.openCount - b.openCount ||
      (a.lastAssignedAt?.getTime() ?? -Infinity) - (b.lastAssignedAt?.getTime() ?? -Infinity) ||
      a.id.localeCompare(b.id),
  );
  return eligible[0] ?? null;
}
