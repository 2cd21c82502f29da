using System.Security.Cryptography;
using System.Text;
using Dispatch.Domain.Catalogue;

namespace Dispatch.Domain.Routing;

/// <summary>
/// The rules a category starts with, following the common principle (docs/domain.md §4), for the whole managed area:
/// <list type="bullet">
/// <item>部件 先属主、后属地: the component's recorded owner; else the department of the category's kind with
/// jurisdiction over the place; else the street office (territory).</item>
/// <item>事件 先属地、后属主: the department of the category's kind with jurisdiction over the place — the street
/// office itself where the kind is <c>territory</c>.</item>
/// </list>
/// Administrators add more specific rules on top (a grid node, a condition, an owner) or retire these.
/// </summary>
public static class DefaultRoutingRules
{
    public const string Territory = "territory";
    public const int OwnerPriority = 30;
    public const int KindPriority = 20;
    public const int TerritoryPriority = 10;

    public static IReadOnlyList<(Guid Id, RoutingRuleDraft Draft)> For(Category category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var rules = new List<(Guid, RoutingRuleDraft)>();
        void Add(string slot, RoutingTarget target, string? kind, int priority, string note) =>
            rules.Add((IdFor(category.Id, slot), new RoutingRuleDraft(category.Id, null, null, null, target, null, kind, priority, note)));

        if (category.Kind == CategoryKind.Component)
        {
            Add("owner", RoutingTarget.ComponentOwner, null, OwnerPriority, "默认规则：部件先属主");
            if (category.DepartmentKind != Territory)
                Add("kind", RoutingTarget.Jurisdiction, category.DepartmentKind, KindPriority, "默认规则：无权属记录时交主管部门");
            Add("territory", RoutingTarget.Jurisdiction, Territory, TerritoryPriority, "默认规则：后属地");
        }
        else
        {
            Add("kind", RoutingTarget.Jurisdiction, category.DepartmentKind, KindPriority,
                category.DepartmentKind == Territory ? "默认规则：事件属地街道处置" : "默认规则：事件先属地，交辖区主管部门");
        }
        return rules;
    }

    /// <summary>
    /// Default rules have ids derived from the category, so two workers seeding at once write the same rows and the
    /// second one's insert fails on the key instead of doubling the rules.
    /// </summary>
    public static Guid IdFor(Guid categoryId, string slot)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"default-routing-rule:{categoryId:N}:{slot}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // An RFC 9562 version 8 (custom) UUID.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
