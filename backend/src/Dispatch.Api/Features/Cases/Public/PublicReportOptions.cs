using System.ComponentModel.DataAnnotations;

namespace Dispatch.Api.Features.Cases.Public;

/// <summary>The citizens' page: what a report needs and how often one client or one phone number may send one.</summary>
public sealed class PublicReportOptions
{
    public const string SectionName = "PublicReports";

    /// <summary>A report needs at least one photo (the acceptor verifies from it before anyone goes out).</summary>
    public bool PhotoRequired { get; set; } = true;

    /// <summary>Reports one client (by IP address, after the forwarded headers are applied) may send per window.</summary>
    [Range(1, 100_000)]
    public int ReportsPerClient { get; set; } = 10;

    /// <summary>Reports one phone number may send per window.</summary>
    [Range(1, 100_000)]
    public int ReportsPerPhone { get; set; } = 3;

    /// <summary>Tracking reads (page, photos, rating) one client may make per minute.</summary>
    [Range(1, 1_000_000)]
    public int TrackingReadsPerClientPerMinute { get; set; } = 120;

    /// <summary>The window of the two report limits, in minutes.</summary>
    [Range(1, 7 * 24 * 60)]
    public int WindowMinutes { get; set; } = 60;
}
