using Dispatch.Api.Features.Grids;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Grids;
using Dispatch.Domain.Routing;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Routing;

/// <summary>
/// Checks a rule request against the catalogue, the departments and the grid, field by field, and turns it into a
/// draft. Shared by creating a rule and changing one (which creates its successor).
/// </summary>
internal static class RuleRequests
{
    /// <summary>A rule takes effect now or later; a little slack absorbs the clocks of browser and server.</summary>
    private static readonly TimeSpan PastSlack = TimeSpan.FromMinutes(1);

    public static async Task<(RoutingRuleDraft? Draft, DateTimeOffset ValidFrom, Dictionary<string, string[]> Errors)> ValidateAsync(
        RoutingRuleRequest? request, DispatchDbContext db, GridDirectory grids, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["body"] = ["A JSON object describing the rule is required."];
            return (null, now, errors);
        }

        Category? category = null;
        if (request.CategoryId is null)
            errors["categoryId"] = ["Category is required."];
        else if ((category = await db.Categories.AsNoTracking().Include(c => c.Conditions).SingleOrDefaultAsync(c => c.Id == request.CategoryId, ct)) is null)
            errors["categoryId"] = [$"Unknown category {request.CategoryId}."];
        if (category is not null && request.ConditionId is { } conditionId && category.Conditions.All(c => c.Id != conditionId))
            errors["conditionId"] = [$"Condition {conditionId} does not belong to category {category.Code} {category.NameZh}."];

        GridCode? grid = null;
        if (!string.IsNullOrEmpty(request.GridCode))
        {
            if (!GridCode.TryParse(request.GridCode, out var parsed, out var gridError))
                errors["gridCode"] = [gridError];
            else if ((await grids.GetAsync(ct)).Find(parsed.Value) is null)
                errors["gridCode"] = [$"No grid node {parsed}."];
            else
                grid = parsed;
        }

        var departments = await db.Departments.AsNoTracking().ToListAsync(ct);
        Department? owner = null;
        if (!string.IsNullOrEmpty(request.OwnerDepartmentKey))
        {
            owner = departments.SingleOrDefault(d => d.Key == request.OwnerDepartmentKey);
            if (owner is null)
                errors["ownerDepartmentKey"] = [$"No department '{request.OwnerDepartmentKey}'."];
            else if (category is { Kind: not CategoryKind.Component })
                errors["ownerDepartmentKey"] = ["Only components (部件) have owners; this category is an event."];
        }

        RoutingTarget target = default;
        if (string.IsNullOrEmpty(request.Target))
            errors["target"] = ["Target is required: department, componentOwner or jurisdiction."];
        else if (!RoutingTargets.TryParse(request.Target, out target))
            errors["target"] = [$"'{request.Target}' is not a target: use department, componentOwner or jurisdiction."];
        else if (target == RoutingTarget.ComponentOwner && category is { Kind: not CategoryKind.Component })
            errors["target"] = ["Only components (部件) have owners; route an event to a department or by jurisdiction."];

        Department? department = null;
        if (!string.IsNullOrEmpty(request.DepartmentKey))
        {
            department = departments.SingleOrDefault(d => d.Key == request.DepartmentKey);
            if (department is null)
                errors["departmentKey"] = [$"No department '{request.DepartmentKey}'."];
            else if (department.Retired)
                errors["departmentKey"] = [$"Department '{request.DepartmentKey}' is retired; it takes no new cases."];
            else if (target != RoutingTarget.Department && !errors.ContainsKey("target"))
                errors["departmentKey"] = ["Only a rule with target 'department' names a department."];
        }
        if (!string.IsNullOrEmpty(request.DepartmentKind))
        {
            if (target != RoutingTarget.Jurisdiction && !errors.ContainsKey("target"))
                errors["departmentKind"] = ["Only a rule with target 'jurisdiction' names a department kind."];
            else if (departments.All(d => d.Kind != request.DepartmentKind))
                errors["departmentKind"] = [$"No department is of kind '{request.DepartmentKind}'; known kinds: {string.Join(", ", departments.Select(d => d.Kind).Distinct().Order(StringComparer.Ordinal))}."];
        }

        var validFrom = request.ValidFrom is { } requested ? requested.AddTicks(-(requested.Ticks % 10)).ToUniversalTime() : now;
        if (validFrom < now - PastSlack)
            errors["validFrom"] = ["A rule applies to cases filed after it is made: validFrom cannot lie in the past."];

        if (errors.Count > 0)
            return (null, validFrom, errors);

        var draft = new RoutingRuleDraft(category!.Id, request.ConditionId, grid, owner?.Id, target,
            department?.Id, target == RoutingTarget.Jurisdiction ? request.DepartmentKind : null, request.Priority ?? 0, request.Note);
        foreach (var (field, message) in RoutingRule.Problems(draft))
            errors[field] = [message];
        return errors.Count > 0 ? (null, validFrom, errors) : (draft, validFrom < now ? now : validFrom, errors);
    }

    public static async Task<RuleLookups> LookupsAsync(DispatchDbContext db, GridDirectory grids, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var conditions = await db.CategoryConditions.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        var grid = await grids.GetAsync(ct);
        return new RuleLookups(categories, conditions, departments, code => grid.Find(code)?.Name);
    }
}
