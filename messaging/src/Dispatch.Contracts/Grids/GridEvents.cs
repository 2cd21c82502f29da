namespace Dispatch.Contracts.Grids;

/// <summary>
/// A grid import committed: every node, web or worker, loads the grid again, so that locating a point gives the same
/// answer on every node at once. Sent from the import's own transaction through the outbox.
/// </summary>
public sealed record GridsChanged(int NodesCreated, int NodesUpdated, DateTimeOffset At);
