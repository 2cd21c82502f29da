using System.Text.RegularExpressions;

namespace Dispatch.Domain.Catalogue;

/// <summary>One kind of department with its labels; the catalogue's responsible-department kinds name these.</summary>
public sealed record DepartmentKind(string Code, string NameZh, string NameEn);

/// <summary>
/// The kinds of department a city has: the professional departments and utilities the catalogue sends cases to
/// (专业部门, 权属单位), the street offices and township governments (街道 / 乡镇, kind <c>territory</c>), communities
/// (社区) and internal sub-units (科室 / 班组).
/// </summary>
public static class DepartmentKinds
{
    public const string Territory = "territory";
    public const string Community = "community";
    public const string Unit = "unit";

    public static IReadOnlyList<DepartmentKind> All { get; } =
    [
        new("water_supply", "供水", "Water supply"),
        new("drainage", "排水", "Drainage"),
        new("power", "供电", "Power"),
        new("telecom", "通信", "Telecom"),
        new("cable_tv", "广电", "Cable TV"),
        new("gas", "燃气", "Gas"),
        new("street_lighting", "路灯", "Street lighting"),
        new("fire", "消防", "Fire and rescue"),
        new("bus", "公交", "Public transport"),
        new("civil_affairs", "民政", "Civil affairs"),
        new("water_affairs", "水利", "Water resources"),
        new("traffic_police", "交警", "Traffic police"),
        new("enforcement", "城管执法", "Urban management enforcement"),
        new("municipal", "市政", "Municipal facilities"),
        new("housing", "住建", "Housing and construction"),
        new("sanitation", "环卫", "Sanitation"),
        new("landscaping", "园林绿化", "Landscaping"),
        new(Territory, "街道 / 乡镇", "Street office / township"),
        new(Community, "社区", "Community"),
        new(Unit, "科室 / 班组", "Internal unit"),
    ];

    public static bool IsKnown(string? code) => code is not null && All.Any(k => k.Code == code);

    public static IReadOnlyList<string> Levels { get; } = ["city", "district", "street", "community"];
}

/// <summary>
/// Phone numbers as offices write them: a mainland mobile (<c>13800000000</c>), a landline with or without its area
/// code (<c>0773-2825000</c>, <c>2825000</c>, an extension after <c>-</c> or <c>转</c>), or a short service number
/// (<c>12345</c>, <c>119</c>). Spaces and dashes between groups are allowed and kept.
/// </summary>
public static partial class PhoneNumbers
{
    [GeneratedRegex(@"^(?:1[3-9]\d[ -]?\d{4}[ -]?\d{4}|(?:\(?0\d{2,3}\)?[ -]?)?[2-9]\d{6,7}(?:(?:-|转)\d{1,6})?|1\d{2,4}|[4-9]00[ -]?\d{3}[ -]?\d{4})$")]
    private static partial Regex Pattern();

    public static bool IsValid(string phone) => phone.Length <= Department.MaxPhoneLength && Pattern().IsMatch(phone);
}
