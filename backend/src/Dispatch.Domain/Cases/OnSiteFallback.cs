namespace Dispatch.Domain.Cases;

/// <summary>
/// Who holds an on-site task (核实 verification, 核查 check) when nobody is on duty in the case's responsibility grid,
/// i.e. no enabled patroller is assigned to it. No task ever reaches nobody: the street's supervisors first, else the
/// shift leaders.
/// </summary>
public enum OnSiteHolder
{
    /// <summary>街道监督员: the patrollers whose account is scoped to the case's street.</summary>
    StreetSupervisors = 1,
    /// <summary>值班长: the shift leaders whose scope covers the case.</summary>
    ShiftLeaders = 2,
}

/// <summary>An on-site task handed to a fallback: the holder and the people who hold it now (user names).</summary>
public sealed record OnSiteFallback(OnSiteHolder Holder, IReadOnlyList<string> People)
{
    public static string Name(OnSiteHolder holder) => holder switch
    {
        OnSiteHolder.StreetSupervisors => "street-supervisors",
        OnSiteHolder.ShiftLeaders => "shift-leaders",
        _ => throw new ArgumentOutOfRangeException(nameof(holder), holder, null),
    };

    public IReadOnlyDictionary<string, string> Parameters() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TraceParameters.Holder] = Name(Holder),
        [TraceParameters.People] = string.Join(',', People),
    };
}
