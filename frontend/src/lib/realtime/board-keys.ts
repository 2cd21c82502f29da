/** Query keys of the board snapshots that live pushes are written into. */
export const boardKeys = {
  all: ['board'] as const,
  departments: ['board', 'department'] as const,
  department: (key: string) => ['board', 'department', key] as const,
  /** The whole command board (no grid), and the prefix of every grid-filtered one. */
  command: ['board', 'command'] as const,
  /** The command board filtered to a grid node and everything under it. */
  commandIn: (grid: string) => ['board', 'command', grid] as const,
  /** The dispatcher's manual queue, kept in step by the command centre's pushes. */
  dispatchQueue: ['board', 'dispatch-queue'] as const,
};
