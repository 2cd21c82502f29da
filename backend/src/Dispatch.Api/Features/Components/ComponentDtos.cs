using Dispatch.Api.Features.Catalogue;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Components;

namespace Dispatch.Api.Features.Components;

/// <summary>
/// A component of the inventory. <c>state</c> is the census record; <c>condition</c> adds what open and closed cases
/// about it say (reported_damaged, under_repair, or intact once repaired). <c>distanceMetres</c> is set when listing
/// near a point; <c>version</c> is what an edit sends back.
/// </summary>
public sealed record ComponentDto(
    string Id,
    CategoryRef Category,
    string UnitGridCode,
    DepartmentRef? Owner,
    string? Maintainer,
    string State,
    double Longitude,
    double Latitude,
    DateTimeOffset UpdatedAt,
    double? DistanceMetres = null,
    string? Condition = null,
    bool Retired = false,
    uint Version = 0)
{
    public static ComponentDto From(Component c, Category category, Department? owner, double? distance = null, ComponentCondition? condition = null) => new(
        c.Id,
        new CategoryRef(category.Id, category.Code, category.NameZh, category.NameEn),
        c.UnitGridCode,
        owner is null ? null : new DepartmentRef(owner.Key, owner.NameZh, owner.NameEn),
        c.Maintainer,
        ComponentStates.Name(c.State),
        c.Longitude,
        c.Latitude,
        c.UpdatedAt,
        distance is null ? null : Math.Round(distance.Value, 1),
        ComponentConditions.Name(condition ?? ComponentConditions.Of(c.State, false, false, false)),
        c.IsRetired,
        c.Version);
}

public sealed record ComponentImportResult(int Created, int Updated, int Unchanged);
