using Dispatch.Domain.Grids;

namespace Dispatch.Domain.Routing;

/// <summary>A department as routing sees it: its kind and the grid node it has jurisdiction over.</summary>
public sealed record RoutingDepartment(Guid Id, string Key, string Kind, GridCode Jurisdiction);

/// <summary>
/// What routing knows of a case: category, filing condition, where it is (its unit grid, or a coarser node when
/// asking about a whole area), the owner recorded for its component, and the moment it was filed (rules in force
/// then apply).
/// </summary>
public sealed record RoutingCase(Guid CategoryId, Guid? ConditionId, GridCode Place, Guid? ComponentOwnerId, DateTimeOffset FiledAt);

public enum RuleOutcome
{
    /// <summary>The rule routed the case.</summary>
    Chosen,
    /// <summary>The rule's filters fit, but its target named no department for this case; the next rule was tried.</summary>
    Unresolved,
    /// <summary>The rule is for another filing condition.</summary>
    OtherCondition,
    /// <summary>The case lies outside the rule's grid node.</summary>
    OutsideGrid,
    /// <summary>The rule is for components of another owner (or the case names no owned component).</summary>
    OtherOwner,
    /// <summary>A rule ranked higher routed the case first.</summary>
    Outranked,
}

/// <summary>One rule as the engine saw it, for the dry run's explanation.</summary>
public sealed record RuleConsideration(RoutingRule Rule, RuleOutcome Outcome, string Detail);

/// <summary>The engine's answer: the department and the rule that chose it, or why nothing did.</summary>
public sealed record RoutingDecision(
    RoutingDepartment? Department,
    RoutingRule? Rule,
    IReadOnlyList<RuleConsideration> Considered,
    string? Reason)
{
    public bool Matched => Department is not null;
}

/// <summary>
/// Chooses the department for a filed case (docs/domain.md §4). Of the rules in force for the case's category, those whose
/// filters fit are ranked: the most specific grid node first; then rules for a component owner, then rules for a
/// filing condition; then the higher priority; then the newer rule. The first whose target names a department wins.
/// No rule, or none that resolves, sends the case to the dispatcher's manual queue (事事有人管).
/// </summary>
public static class RoutingEngine
{
    public static RoutingDecision Route(RoutingCase c, IEnumerable<RoutingRule> rules, IReadOnlyCollection<RoutingDepartment> departments)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(departments);
        var candidates = rules
            .Where(r => r.CategoryId == c.CategoryId && r.IsInForceAt(c.FiledAt))
            .OrderByDescending(Specificity)
            .ThenByDescending(r => r.OwnerDepartmentId is not null)
            .ThenByDescending(r => r.ConditionId is not null)
            .ThenByDescending(r => r.Priority)
            .ThenByDescending(r => r.ValidFrom)
            .ThenBy(r => r.Id)
            .ToList();
        if (candidates.Count == 0)
            return new RoutingDecision(null, null, [], "No routing rule is in force for this category.");

        var considered = new List<RuleConsideration>(candidates.Count);
        RoutingDepartment? chosen = null;
        RoutingRule? rule = null;
        foreach (var candidate in candidates)
        {
            if (chosen is not null)
            {
                considered.Add(new(candidate, RuleOutcome.Outranked, "A rule ranked higher routed the case."));
                continue;
            }
            var (outcome, department, detail) = Try(candidate, c, departments);
            considered.Add(new(candidate, outcome, detail));
            if (outcome == RuleOutcome.Chosen)
                (chosen, rule) = (department, candidate);
        }
        return chosen is not null
            ? new RoutingDecision(chosen, rule, considered, null)
            : new RoutingDecision(null, null, considered, considered.Any(x => x.Outcome == RuleOutcome.Unresolved)
                ? "The rules that fit this case name no department for it: " +
                  string.Join("; ", considered.Where(x => x.Outcome == RuleOutcome.Unresolved).Select(x => x.Detail))
                : "No routing rule fits this case's place, condition or component.");
    }

    /// <summary>The department of <paramref name="kind"/> with jurisdiction over <paramref name="place"/>, the most local one.</summary>
    public static RoutingDepartment? Jurisdiction(string kind, GridCode place, IEnumerable<RoutingDepartment> departments) =>
        departments
            .Where(d => string.Equals(d.Kind, kind, StringComparison.Ordinal) && Covers(d.Jurisdiction, place))
            .OrderByDescending(d => d.Jurisdiction.Level)
            .ThenBy(d => d.Key, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>How deep the rule's grid node is: a unit grid is the most specific, no grid (everywhere) the least.</summary>
    private static int Specificity(RoutingRule rule) => rule.Grid is { } grid ? (int)grid.Level + 1 : 0;

    private static bool Covers(GridCode node, GridCode place) => node.Level <= place.Level && node.Contains(place);

    private static (RuleOutcome, RoutingDepartment?, string) Try(RoutingRule rule, RoutingCase c, IReadOnlyCollection<RoutingDepartment> departments)
    {
        if (rule.ConditionId is { } condition && condition != c.ConditionId)
            return (RuleOutcome.OtherCondition, null, "The rule is for another filing condition.");
        if (rule.Grid is { } grid && !Covers(grid, c.Place))
            return (RuleOutcome.OutsideGrid, null, $"The case lies outside grid {grid}.");
        if (rule.OwnerDepartmentId is { } ownerFilter && ownerFilter != c.ComponentOwnerId)
            return (RuleOutcome.OtherOwner, null, "The rule is for components of another owner.");

        switch (rule.Target)
        {
            case RoutingTarget.Department:
                var named = departments.FirstOrDefault(d => d.Id == rule.DepartmentId);
                return named is null
                    ? (RuleOutcome.Unresolved, null, $"Rule {rule.Id} names a department that no longer exists.")
                    : (RuleOutcome.Chosen, named, $"The rule names {named.Key}.");
            case RoutingTarget.ComponentOwner:
                if (c.ComponentOwnerId is null)
                    return (RuleOutcome.Unresolved, null, "The case names no component with a recorded owner.");
                var owner = departments.FirstOrDefault(d => d.Id == c.ComponentOwnerId);
                return owner is null
                    ? (RuleOutcome.Unresolved, null, "The component's owner is not a known department.")
                    : (RuleOutcome.Chosen, owner, $"The component's recorded owner is {owner.Key}.");
            case RoutingTarget.Jurisdiction:
                var local = Jurisdiction(rule.DepartmentKind!, c.Place, departments);
                return local is null
                    ? (RuleOutcome.Unresolved, null, $"No department of kind '{rule.DepartmentKind}' has jurisdiction over {c.Place}.")
                    : (RuleOutcome.Chosen, local, $"{local.Key} is the {rule.DepartmentKind} department with jurisdiction over {local.Jurisdiction}.");
            default:
                throw new InvalidOperationException($"Unknown routing target {rule.Target}.");
        }
    }
}
