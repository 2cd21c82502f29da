using System.ComponentModel.DataAnnotations;

namespace Dispatch.Api.Hosting;

/// <summary>What this node does. Several web nodes and several workers can run from the same build.</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    /// <summary>
    /// Comma-separated: <c>web</c> (API, hub, frontend, board pushes), <c>worker</c> (consumers, outbox relay, seeding);
    /// <c>both</c> is the two together. Anything else stops the host at start rather than leaving it doing nothing.
    /// </summary>
    [Required]
    [RegularExpression(@"^(?i)\s*(web|worker|both)\s*(,\s*(web|worker|both)\s*)*$", ErrorMessage = "Dispatch:Roles is web, worker, both, or web,worker.")]
    public string Roles { get; set; } = "web,worker";

    /// <summary>District whose case-number series new cases use until the grid locates them.</summary>
    [RegularExpression(@"^\d{6}$")]
    public string DefaultDistrictCode { get; set; } = "450304";

    /// <summary>Where report photos are stored, by content hash.</summary>
    [Required]
    public string PhotoPath { get; set; } = ".data/photos";

    public bool IsWeb => Has("web") || Has("both");
    public bool IsWorker => Has("worker") || Has("both");

    private bool Has(string role) =>
        Roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(role, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Demo mode seeds departments and one account per role. Never enabled by default.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }
    /// <summary>Password of every demo account; required when demo mode is on (the run script generates one).</summary>
    public string? Password { get; set; }
}

public sealed class FrontendOptions
{
    public const string SectionName = "Frontend";

    /// <summary>Folder of the built frontend (index.html and assets); not served when empty or missing.</summary>
    public string? Path { get; set; }
}
