using Dispatch.Domain.Grids;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Grids;

/// <summary>What the API shows of a grid node without its geometry.</summary>
public sealed record GridNodeInfo(
    string Code, GridLevel Level, string Name, string? ParentCode, DateOnly ValidFrom, DateOnly? ValidTo,
    string? ResponsiblePerson, double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    public bool IsInForceOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);
}

/// <summary>A located point: its unit grid, every level above it, and the responsibility grid the unit belongs to.</summary>
public sealed record GridPlace(
    GridNodeInfo Unit, GridNodeInfo Community, GridNodeInfo Street, GridNodeInfo District, GridNodeInfo City,
    string? ResponsibilityGridCode);

/// <summary>
/// The grid as this node knows it: every node by code (names and tree, without geometry), the spatial index of the
/// unit grids in force on <see cref="Day"/>, and the responsibility grids. Immutable; a reload swaps in a new one.
/// </summary>
public sealed class GridSnapshot
{
    private readonly Dictionary<string, GridNodeInfo> _nodes;
    private readonly Dictionary<string, (string Code, string Name)> _responsibilityByUnit;
    private readonly Dictionary<string, HashSet<string>> _responsibilityByPatroller;
    private readonly Dictionary<string, (string Name, IReadOnlyList<string> Patrollers)> _responsibilityGrids;

    public GridSnapshot(IReadOnlyCollection<(GridNodeInfo Node, NetTopologySuite.Geometries.Geometry? Boundary)> nodes,
        IEnumerable<ResponsibilityGridDefinition> responsibilityGrids, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(responsibilityGrids);
        Day = day;
        _nodes = nodes.ToDictionary(n => n.Node.Code, n => n.Node, StringComparer.Ordinal);
        Index = new GridIndex(nodes
            .Where(n => n.Node.Level == GridLevel.Unit && n.Node.IsInForceOn(day) && n.Boundary is not null)
            .Select(n => (GridCode.Parse(n.Node.Code), n.Boundary!)));
        _responsibilityByUnit = new(StringComparer.Ordinal);
        _responsibilityByPatroller = new(StringComparer.Ordinal);
        _responsibilityGrids = new(StringComparer.Ordinal);
        foreach (var grid in responsibilityGrids)
        {
            _responsibilityGrids[grid.Code] = (grid.Name, grid.Patrollers);
            foreach (var unit in grid.UnitGridCodes)
                _responsibilityByUnit[unit] = (grid.Code, grid.Name);
            foreach (var patroller in grid.Patrollers)
            {
                if (!_responsibilityByPatroller.TryGetValue(patroller, out var set))
                    _responsibilityByPatroller[patroller] = set = new(StringComparer.Ordinal);
                set.Add(grid.Code);
            }
        }
    }

    public static GridSnapshot Empty { get; } = new([], [], DateOnly.MinValue);

    /// <summary>The day (China time) whose unit grids the index holds; a new day reloads.</summary>
    public DateOnly Day { get; }
    public GridIndex Index { get; }
    public IReadOnlyCollection<GridNodeInfo> Nodes => _nodes.Values;

    public GridNodeInfo? Find(string code) => _nodes.GetValueOrDefault(code);

    public GridPlace? Locate(double longitude, double latitude)
    {
        if (Index.Locate(longitude, latitude) is not { } unit)
            return null;
        // The import refuses a node whose parent is missing, so every ancestor of an indexed unit grid is known.
        GridNodeInfo At(GridLevel level) => _nodes[unit.At(level).Value];
        return new GridPlace(At(GridLevel.Unit), At(GridLevel.Community), At(GridLevel.Street), At(GridLevel.District),
            At(GridLevel.City), _responsibilityByUnit.TryGetValue(unit.Value, out var grid) ? grid.Code : null);
    }

    public (string Code, string Name)? ResponsibilityGridOf(string unitGridCode) =>
        _responsibilityByUnit.TryGetValue(unitGridCode, out var grid) ? grid : null;

    public (string Name, IReadOnlyList<string> Patrollers)? ResponsibilityGrid(string code) =>
        _responsibilityGrids.TryGetValue(code, out var grid) ? grid : null;

    /// <summary>The responsibility grids a patroller walks (empty when none is assigned).</summary>
    public IReadOnlySet<string> ResponsibilityGridsOf(string userName) =>
        _responsibilityByPatroller.TryGetValue(userName, out var set) ? set : new HashSet<string>();

    /// <summary>
    /// Where a report at this place stands: a patroller with responsibility grids who reports outside all of them is
    /// flagged; one without any assignment is not (there is nothing to be outside of).
    /// </summary>
    public GridLocation LocationFor(GridPlace place, string userName, bool isPatroller)
    {
        ArgumentNullException.ThrowIfNull(place);
        var mine = isPatroller ? ResponsibilityGridsOf(userName) : new HashSet<string>();
        var outside = mine.Count > 0 && (place.ResponsibilityGridCode is null || !mine.Contains(place.ResponsibilityGridCode));
        return new GridLocation(GridCode.Parse(place.Unit.Code), place.ResponsibilityGridCode, outside);
    }
}

/// <summary>
/// Holds the current <see cref="GridSnapshot"/> for the process. Loaded from the database on first use (and warmed
/// at start-up), reloaded after an import on this node and when the day changes, so that validity dates take effect.
/// </summary>
public sealed class GridDirectory(IServiceScopeFactory scopes, TimeProvider clock, ILogger<GridDirectory> log) : IDisposable
{
    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    /// <summary>An empty grid is retried this often: another node may be seeding it while this one starts.</summary>
    private static readonly TimeSpan EmptyRetry = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Loaded? _current;

    private sealed record Loaded(GridSnapshot Snapshot, DateTimeOffset At);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime).DateTime);

    public async ValueTask<GridSnapshot> GetAsync(CancellationToken ct)
    {
        var current = _current;
        if (current is not null && !IsStale(current))
            return current.Snapshot;
        await _loading.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is not null && !IsStale(current))
                return current.Snapshot;
            return await LoadAsync(ct);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Loads the grid again now, e.g. after an import committed.</summary>
    public async Task<GridSnapshot> ReloadAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            return await LoadAsync(ct);
        }
        finally
        {
            _loading.Release();
        }
    }

    private bool IsStale(Loaded loaded) =>
        loaded.Snapshot.Day != Today || (loaded.Snapshot.Index.Count == 0 && clock.GetUtcNow() - loaded.At > EmptyRetry);

    private async Task<GridSnapshot> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDbContext>();
        var nodes = await db.GridNodes.AsNoTracking().ToListAsync(ct);
        var grids = await db.ResponsibilityGrids.AsNoTracking().Include(g => g.Units).Include(g => g.Patrollers)
            .AsSplitQuery().ToListAsync(ct);
        var today = Today;
        var snapshot = new GridSnapshot(
            nodes.Select(n => (Info(n), n.Level == GridLevel.Unit ? n.ReadBoundary() : null)).ToList(),
            grids.Select(g => g.ToDefinition()), today);
        _current = new Loaded(snapshot, clock.GetUtcNow());
        log.LogInformation("Grid loaded: {Nodes} nodes, {Units} unit grids in force on {Day}", nodes.Count, snapshot.Index.Count, today);
        return snapshot;
    }

    public void Dispose() => _loading.Dispose();

    public static GridNodeInfo Info(GridNode n) => new(
        n.Code, n.Level, n.Name, n.ParentCode, n.ValidFrom, n.ValidTo, n.ResponsiblePerson,
        n.MinLongitude, n.MinLatitude, n.MaxLongitude, n.MaxLatitude);
}

/// <summary>Loads the grid before the first request, so that the first report does not pay for it.</summary>
internal sealed class GridWarmup(GridDirectory directory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await directory.GetAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
