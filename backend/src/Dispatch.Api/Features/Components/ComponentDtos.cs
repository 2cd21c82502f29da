using Dispatch.Api.Features.Catalogue;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Components;

namespace Dispatch.Api.Features.Components;

/// <summary>A component of the inventory. <c>distanceMetres</c> is set when listing near a point.</summary>
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
    double? DistanceMetres = null)
{
    public static ComponentDto From(Component c, Category category, Department? owner, double? distance = null) => new(
        c.Id,
        new CategoryRef(category.Id, category.Code, category.NameZh, category.NameEn),
        c.UnitGridCode,
        owner is null ? null : new DepartmentRef(owner.Key, owner.NameZh, owner.NameEn),
        c.Maintainer,
        ComponentStates.Name(c.State),
        c.Longitude,
        c.Latitude,
        c.UpdatedAt,
        distance is null ? null : Math.Round(distance.Value, 1));
}

public sealed record ComponentImportResult(int Created, int Updated, int Unchanged);
