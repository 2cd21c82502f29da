using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Features.Open311;

/// <summary>
/// GET discovery, GET services and GET a service definition. Every category of the catalogue in use is a service: its
/// code is the category's kind and code (<c>event-0505</c>, <c>component-0101</c>: a code alone is not unique, 部件 and
/// 事件 both have a 0101), its group the kind (部件 / 事件), and its filing conditions (立案条件) the values of the
/// <c>condition</c> attribute of its definition.
/// </summary>
public static class Open311Services
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    public const string ConditionAttribute = "condition";
    public const string ComponentAttribute = "component_id";

    public static string ServiceCode(Category c) => $"{KindName(c.Kind)}-{c.Code}";

    public static bool TryParseServiceCode(string code, out CategoryKind kind, out string categoryCode)
    {
        kind = CategoryKind.Event;
        categoryCode = "";
        var dash = code.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
            return false;
        categoryCode = code[(dash + 1)..];
        switch (code[..dash])
        {
            case "event":
                return categoryCode.Length > 0;
            case "component":
                kind = CategoryKind.Component;
                return categoryCode.Length > 0;
            default:
                return false;
        }
    }

    private static string KindName(CategoryKind kind) => kind == CategoryKind.Component ? "component" : "event";

    public static string GroupName(CategoryKind kind) => kind == CategoryKind.Component ? "部件" : "事件";

    /// <summary>The category of a service code, with its conditions, if it is in use; otherwise null.</summary>
    public static async Task<Category?> FindAsync(DispatchDbContext db, string? serviceCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (serviceCode is null || !TryParseServiceCode(serviceCode, out var kind, out var code))
            return null;
        var category = await db.Categories.AsNoTracking().Include(c => c.Conditions)
            .SingleOrDefaultAsync(c => c.Kind == kind && c.Code == code, ct);
        return category is { IsRetired: false } ? category : null;
    }

    public static IResult Discovery(HttpRequest http, Open311Format format, IOptions<Open311Options> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        var o = options.Value;
        var endpoint = new Open311Object()
            .With("specification", Specification)
            .With("url", $"{http.Scheme}://{http.Host}{http.PathBase}{Open311Module.BasePath}")
            .With("changeset", o.Changeset)
            .With("type", "production")
            .With("formats", new Open311List("format", ["text/xml", "application/json"]));
        return Open311Document.Ok(format, "discovery", new Open311Object()
            .With("changeset", o.Changeset)
            .With("contact", o.Contact)
            .With("key_service", o.KeyService)
            .With("endpoints", new Open311List("endpoint", [endpoint])));
    }

    public static async Task<IResult> List(Open311Format format, DispatchDbContext db, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().Include(c => c.Conditions)
            .Where(c => c.RetiredAt == null).OrderBy(c => c.Kind).ThenBy(c => c.Code).ToListAsync(ct);
        var services = categories.Select(c => (object)new Open311Object()
            .With("service_code", ServiceCode(c))
            .With("service_name", c.NameZh)
            .With("description", Describe(c))
            .With("metadata", Attributes(c).Count > 0)
            .With("type", "realtime")
            .With("keywords", string.Join(", ", new[] { c.MajorNameZh, c.NameEn, c.MajorNameEn }.Where(k => k.Length > 0).Distinct()))
            .With("group", GroupName(c.Kind))).ToList();
        return Open311Document.Ok(format, "services", new Open311List("service", services));
    }

    public static async Task<IResult> Definition(string serviceCode, Open311Format format, DispatchDbContext db, CancellationToken ct)
    {
        if (await FindAsync(db, serviceCode, ct) is not { } category)
            return Open311Document.Error(format, StatusCodes.Status404NotFound, $"service_code {serviceCode} was not found.");
        return Open311Document.Ok(format, "service_definition", new Open311Object()
            .With("service_code", ServiceCode(category))
            .With("attributes", new Open311List("attribute", Attributes(category))));
    }

    private static string Describe(Category c)
    {
        var conditions = ActiveConditions(c).Select(x => x.NameZh).ToList();
        var text = $"{GroupName(c.Kind)} · {c.MajorNameZh} · {c.NameZh}（{c.Code}）";
        return conditions.Count == 0 ? text : $"{text}；立案条件：{string.Join("、", conditions)}";
    }

    private static IEnumerable<CategoryCondition> ActiveConditions(Category c) =>
        c.Conditions.Where(x => !x.IsRetired).OrderBy(x => x.Ordinal);

    /// <summary>The attributes a report of this service may carry: the condition, and for 部件 the component's id.</summary>
    public static IReadOnlyList<object> Attributes(Category c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var attributes = new List<object>();
        var conditions = ActiveConditions(c).ToList();
        if (conditions.Count > 0)
        {
            attributes.Add(new Open311Object()
                .With("variable", true)
                .With("code", ConditionAttribute)
                .With("datatype", "singlevaluelist")
                .With("required", false)
                .With("datatype_description", "选择最符合现场的情形；不确定时可不选，受理员立案时确认。")
                .With("order", 1)
                .With("description", "问题情形（立案条件）")
                .With("values", new Open311List("value", conditions
                    .Select(x => (object)new Open311Object().With("key", x.Id.ToString()).With("name", x.NameZh)).ToList())));
        }
        if (c.Kind == CategoryKind.Component)
        {
            attributes.Add(new Open311Object()
                .With("variable", true)
                .With("code", ComponentAttribute)
                .With("datatype", "string")
                .With("required", false)
                .With("datatype_description", "部件标识牌上的编码，例如 4503040118800091；没有可不填。")
                .With("order", attributes.Count + 1)
                .With("description", "部件编码"));
        }
        return attributes;
    }
}
