using Dispatch.Api.Hosting;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Catalogue;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Features.Cases.Report;

/// <summary>
/// One row of the intake policy: reports of <see cref="Source"/> (and, when set, of one category, written
/// <c>event:0505</c> or <c>component:0101</c>) are accepted and maybe filed by the system at once.
/// </summary>
public sealed class IntakeRule
{
    /// <summary>patrol | public | hotline | leader | video | media</summary>
    public string Source { get; set; } = "";
    public string? Category { get; set; }
    public bool AutoAccept { get; set; }
    /// <summary>Also 立案 at once, so the case goes straight on to dispatch. Needs <see cref="AutoAccept"/>.</summary>
    public bool AutoFile { get; set; }
}

/// <summary>Intake policy per case source and category (docs/domain.md §7). Without rules, the demo default holds.</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>The demo default: a patroller's report is accepted and filed at once; everything else waits for an acceptor.</summary>
    public static readonly IReadOnlyList<IntakeRule> DefaultRules = [new() { Source = "patrol", AutoAccept = true, AutoFile = true }];

    public List<IntakeRule> Rules { get; set; } = [];

    public IReadOnlyList<IntakeRule> EffectiveRules => Rules.Count == 0 ? DefaultRules : Rules;

    public static bool Validate(IntakeOptions o) =>
        o.Rules.All(r => EnumNames.TryParse<CaseSource>(r.Source, out _)
            && (!r.AutoFile || r.AutoAccept)
            && (r.Category is null || r.Category.Split(':') is [("event" or "component"), { Length: > 0 }]));
}

public sealed record IntakeDecision(bool AutoAccept, bool AutoFile)
{
    public static readonly IntakeDecision Wait = new(false, false);
}

public sealed class IntakePolicy(IOptions<IntakeOptions> options)
{
    /// <summary>
    /// The most specific rule for the source and category wins (a category rule over a source-wide one). A report the
    /// patroller marked as fixed on the spot always waits: an acceptor confirms it (自行处置).
    /// </summary>
    public IntakeDecision For(CaseSource source, Category category, bool selfHandled)
    {
        ArgumentNullException.ThrowIfNull(category);
        if (selfHandled)
            return IntakeDecision.Wait;
        var key = $"{(category.Kind == CategoryKind.Event ? "event" : "component")}:{category.Code}";
        var rule = options.Value.EffectiveRules
            .Where(r => string.Equals(r.Source, source.ToString(), StringComparison.OrdinalIgnoreCase))
            .Where(r => r.Category is null || string.Equals(r.Category, key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(r => r.Category is not null)
            .FirstOrDefault();
        return rule is null ? IntakeDecision.Wait : new IntakeDecision(rule.AutoAccept, rule.AutoFile && rule.AutoAccept);
    }
}
