using Dispatch.Domain.Grids;

namespace Dispatch.Domain.Cases;

/// <summary>
/// A case (案卷): one reported problem followed through the closed loop. State changes are methods that
/// refuse illegal moves, append a trace row and bump <see cref="Version"/> (the optimistic-concurrency token).
/// </summary>
public sealed class Case
{
    public const int MaxDescriptionLength = 2000;

    private readonly List<CaseTrace> _trace = [];
    private readonly List<CasePhoto> _photos = [];

    private Case() { }

    public Guid Id { get; private set; }
    /// <summary>Readable number, unique per district and year: <c>450304-2026-000123</c>.</summary>
    public string Number { get; private set; } = "";
    public CaseState State { get; private set; }
    public int Version { get; private set; }
    public CaseSource Source { get; private set; }
    public Guid CategoryId { get; private set; }
    public Guid? ConditionId { get; private set; }
    public double Longitude { get; private set; }
    public double Latitude { get; private set; }
    public string Description { get; private set; } = "";
    public string DistrictCode { get; private set; } = "";
    public string ReportedBy { get; private set; } = "";
    public DateTimeOffset ReportedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? DepartmentId { get; private set; }
    /// <summary>Set when no routing rule covered the case: it waits in the dispatcher's manual queue (事事有人管).</summary>
    public bool NeedsManualDispatch { get; private set; }
    /// <summary>The 15-digit unit grid the point lies in; null only on rows stored before cases were located.</summary>
    public string? UnitGridCode { get; private set; }
    public string? CommunityCode { get; private set; }
    public string? StreetCode { get; private set; }
    public string? ResponsibilityGridCode { get; private set; }
    /// <summary>A patroller reported outside the responsibility grids they patrol: accepted, but shown to the command centre.</summary>
    public bool OutsideResponsibilityGrid { get; private set; }

    public IReadOnlyList<CaseTrace> Trace => _trace;
    public IReadOnlyList<CasePhoto> Photos => _photos;

    public static Case Report(Guid id, string number, CaseSource source, Guid categoryId, Guid? conditionId,
        double longitude, double latitude, string description, string districtCode, Actor reporter, DateTimeOffset at,
        GridLocation? location = null)
    {
        if (location is not null && location.District.Value != districtCode)
            throw new ArgumentException($"District {districtCode} does not contain unit grid {location.UnitGrid}.", nameof(districtCode));
        var c = new Case
        {
            Id = id,
            Number = number,
            Source = source,
            CategoryId = categoryId,
            ConditionId = conditionId,
            Longitude = longitude,
            Latitude = latitude,
            Description = description,
            DistrictCode = districtCode,
            ReportedBy = reporter.UserName,
            ReportedAt = at,
            State = CaseState.Reported,
            UnitGridCode = location?.UnitGrid.Value,
            CommunityCode = location?.Community.Value,
            StreetCode = location?.Street.Value,
            ResponsibilityGridCode = location?.ResponsibilityGridCode,
            OutsideResponsibilityGrid = location?.OutsideResponsibilityGrid ?? false,
        };
        c.Append(CaseAction.Report, null, CaseState.Reported, reporter, at, null);
        return c;
    }

    public CasePhoto AttachReportPhoto(string sha256, string contentType, long length)
    {
        var photo = new CasePhoto(Id, sha256, contentType, length, "report", ReportedAt);
        _photos.Add(photo);
        return photo;
    }

    /// <summary>受理: the command centre takes the report in.</summary>
    public void Accept(Actor actor, DateTimeOffset at, string? opinion = null) =>
        Move(CaseAction.Accept, [CaseState.Reported, CaseState.Verifying], CaseState.ToFile, actor, at, opinion);

    /// <summary>立案: the report becomes a case that must be handled.</summary>
    public void File(Actor actor, DateTimeOffset at, string? opinion = null) =>
        Move(CaseAction.File, [CaseState.ToFile], CaseState.ToDispatch, actor, at, opinion);

    /// <summary>派遣: the case goes to the department that must handle it.</summary>
    public void Dispatch(Guid departmentId, Actor actor, DateTimeOffset at, string? opinion = null)
    {
        Move(CaseAction.Dispatch, [CaseState.ToDispatch, CaseState.Returned], CaseState.Dispatched, actor, at, opinion);
        DepartmentId = departmentId;
        NeedsManualDispatch = false;
    }

    /// <summary>No rule covers the case: it stays to be dispatched, flagged for the dispatcher's manual queue.</summary>
    public void MarkUnroutable(Actor actor, DateTimeOffset at, string reason)
    {
        if (State is not (CaseState.ToDispatch or CaseState.Returned))
            throw new CaseTransitionException(CaseAction.MarkUnroutable, State);
        NeedsManualDispatch = true;
        Append(CaseAction.MarkUnroutable, State, State, actor, at, reason);
    }

    private void Move(string action, CaseState[] from, CaseState to, Actor actor, DateTimeOffset at, string? opinion)
    {
        if (Array.IndexOf(from, State) < 0)
            throw new CaseTransitionException(action, State);
        var previous = State;
        State = to;
        Append(action, previous, to, actor, at, opinion);
    }

    private void Append(string action, CaseState? from, CaseState to, Actor actor, DateTimeOffset at, string? opinion)
    {
        // Every trace row bumps the version, so the version doubles as the row's sequence number
        // and the trace need not be loaded to append to it.
        Version++;
        _trace.Add(new CaseTrace(Id, Version, action, from, to, actor, at, opinion));
        UpdatedAt = at;
    }
}
