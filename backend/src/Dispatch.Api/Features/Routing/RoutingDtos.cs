using Dispatch.Api.Features.Catalogue;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Routing;

namespace Dispatch.Api.Features.Routing;

public sealed record RuleCategoryRef(Guid Id, string Kind, string Code, string NameZh, string NameEn);

/// <summary>
/// A routing rule as the API shows it. <c>target</c> is <c>department</c> (the named <c>department</c>),
/// <c>componentOwner</c> (the owner recorded for the case's component) or <c>jurisdiction</c> (the department of
/// <c>departmentKind</c> with jurisdiction over the case's place; <c>territory</c> = the street office).
/// </summary>
public sealed record RoutingRuleDto(
    Guid Id,
    RuleCategoryRef Category,
    ConditionRef? Condition,
    string? GridCode,
    string? GridName,
    DepartmentRef? OwnerDepartment,
    string Target,
    DepartmentRef? Department,
    string? DepartmentKind,
    int Priority,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidTo,
    bool InForce,
    string CreatedBy,
    string? Note,
    Guid? ReplacesRuleId);

/// <summary>Body of a new rule, or of the successor of a changed one.</summary>
public sealed record RoutingRuleRequest(
    Guid? CategoryId,
    Guid? ConditionId,
    string? GridCode,
    string? OwnerDepartmentKey,
    string? Target,
    string? DepartmentKey,
    string? DepartmentKind,
    int? Priority,
    DateTimeOffset? ValidFrom,
    string? Note);

public static class RoutingTargets
{
    public static string Name(RoutingTarget target) => target switch
    {
        RoutingTarget.Department => "department",
        RoutingTarget.ComponentOwner => "componentOwner",
        RoutingTarget.Jurisdiction => "jurisdiction",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    public static bool TryParse(string? text, out RoutingTarget target)
    {
        switch (text)
        {
            case "department": target = RoutingTarget.Department; return true;
            case "componentOwner": target = RoutingTarget.ComponentOwner; return true;
            case "jurisdiction": target = RoutingTarget.Jurisdiction; return true;
            default: target = default; return false;
        }
    }
}

/// <summary>Everything a rule's DTO refers to, loaded once for a list of rules.</summary>
internal sealed record RuleLookups(
    IReadOnlyDictionary<Guid, Category> Categories,
    IReadOnlyDictionary<Guid, CategoryCondition> Conditions,
    IReadOnlyDictionary<Guid, Department> Departments,
    Func<string, string?> GridName)
{
    public RoutingRuleDto ToDto(RoutingRule r, DateTimeOffset now)
    {
        var category = Categories[r.CategoryId];
        return new RoutingRuleDto(
            r.Id,
            new RuleCategoryRef(category.Id, category.Kind == CategoryKind.Component ? "component" : "event", category.Code, category.NameZh, category.NameEn),
            r.ConditionId is { } c && Conditions.TryGetValue(c, out var condition) ? new ConditionRef(condition.Id, condition.NameZh, condition.NameEn) : null,
            r.GridCode,
            r.GridCode is null ? null : GridName(r.GridCode),
            Ref(r.OwnerDepartmentId),
            RoutingTargets.Name(r.Target),
            Ref(r.DepartmentId),
            r.DepartmentKind,
            r.Priority,
            r.ValidFrom,
            r.ValidTo,
            r.IsInForceAt(now),
            r.CreatedBy,
            r.Note,
            r.ReplacesRuleId);
    }

    private DepartmentRef? Ref(Guid? id) =>
        id is { } d && Departments.TryGetValue(d, out var department) ? new DepartmentRef(department.Key, department.NameZh, department.NameEn) : null;
}
