using System.Globalization;
using System.Security.Claims;
using Dispatch.Api.Features.Cases.Report;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Cases;
using Dispatch.Persistence;
using Microsoft.Extensions.Primitives;

namespace Dispatch.Api.Features.Open311;

/// <summary>
/// POST requests: a form-encoded report from another system, with the api_key an administrator issued to it. It
/// becomes a case of the public source through the same report path as any other (validation, location, one
/// transaction), and so waits for an acceptor to verify it before it is filed (the public-source intake policy). The
/// reporter's name and phone are kept as the caller's, and a phone asks for the callback (回访); address_string is kept as
/// the case's address text. lat and long are required: nothing here turns an address into a point. Any refusal stores
/// nothing.
/// </summary>
public static class PostServiceRequest
{
    /// <summary>Open311 field names for the report path's fields, so that an error names what the client sent.</summary>
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["categoryId"] = "service_code",
        ["conditionId"] = $"attribute[{Open311Services.ConditionAttribute}]",
        ["componentId"] = $"attribute[{Open311Services.ComponentAttribute}]",
        ["longitude"] = "long",
        ["latitude"] = "lat",
        ["description"] = "description",
        ["callerName"] = "first_name",
        ["callerPhone"] = "phone",
        ["addressText"] = "address_string",
    };

    public static async Task<IResult> Handle(HttpRequest http, Open311Format format, DispatchDbContext db, ReportCase report,
        TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(report);
        if (!http.HasFormContentType)
            return Open311Document.Error(format, StatusCodes.Status400BadRequest,
                "Send the request as application/x-www-form-urlencoded (or multipart/form-data) fields.");
        IFormCollection form;
        try
        {
            form = await http.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e)
        {
            // Too large (413) or cut short: the edge's own status, in the specification's form.
            return Open311Document.Error(format, e.StatusCode, e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException)
        {
            return Open311Document.Error(format, StatusCodes.Status400BadRequest, $"The form could not be read: {e.Message}");
        }
        foreach (var (name, values) in form)
        {
            foreach (var text in values.Prepend(name))
            {
                if (text is not null && TextRules.FirstRefused(text) is var at and >= 0)
                    return Open311Document.Error(format, StatusCodes.Status400BadRequest, $"{name}: {TextRules.Refusal(text, at)}");
            }
        }

        if (Open311Module.JurisdictionProblem(http, form["jurisdiction_id"], format) is { } jurisdiction)
            return jurisdiction;
        var key = await Open311Keys.FindInForceAsync(db, form["api_key"].ToString(), ct);
        if (key is null)
            return Open311Document.Error(format, StatusCodes.Status403Forbidden,
                form["api_key"].ToString().Length == 0 ? "api_key was not provided." : "api_key is not valid (unknown or revoked).");

        var serviceCode = form["service_code"].ToString();
        if (serviceCode.Length == 0)
            return Open311Document.Error(format, StatusCodes.Status400BadRequest, "service_code was not provided.");
        if (await Open311Services.FindAsync(db, serviceCode, ct) is not { } category)
            return Open311Document.Error(format, StatusCodes.Status404NotFound, $"service_code {serviceCode} was not found.");

        var errors = new List<string>();
        var latitude = Coordinate(form, "lat", 90, errors);
        var longitude = Coordinate(form, "long", 180, errors);
        if (latitude is null && longitude is null && errors.Count == 0)
        {
            errors.Add(form["address_string"].ToString().Length > 0 || form["address_id"].ToString().Length > 0
                ? "lat and long are required: this server does not locate address_string or address_id."
                : "lat and long were not provided.");
        }
        else if (errors.Count == 0 && (latitude is null || longitude is null))
        {
            errors.Add(latitude is null ? "lat was not provided." : "long was not provided.");
        }

        var attributes = Attributes(form);
        Guid? conditionId = null;
        if (attributes.TryGetValue(Open311Services.ConditionAttribute, out var condition) && condition.Count > 0)
        {
            var active = category.Conditions.Where(c => !c.IsRetired).ToList();
            if (condition.Count != 1)
                errors.Add($"attribute[{Open311Services.ConditionAttribute}] takes one value.");
            else if (active.FirstOrDefault(c => c.Id.ToString() == condition[0] || c.NameZh == condition[0]) is { } match)
                conditionId = match.Id;
            else
                errors.Add($"attribute[{Open311Services.ConditionAttribute}] '{condition[0]}' is not one of the values of service {serviceCode}.");
        }
        string? componentId = null;
        if (attributes.TryGetValue(Open311Services.ComponentAttribute, out var component) && component.Count > 0)
        {
            if (category.Kind != Domain.Catalogue.CategoryKind.Component)
                errors.Add($"attribute[{Open311Services.ComponentAttribute}] applies to 部件 services only.");
            else if (component.Count != 1)
                errors.Add($"attribute[{Open311Services.ComponentAttribute}] takes one value.");
            else
                componentId = component[0];
        }

        var description = form["description"].ToString().Trim();
        var mediaUrl = form["media_url"].ToString().Trim();
        if (mediaUrl.Length > 0)
        {
            if (!Uri.TryCreate(mediaUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors.Add("media_url is an absolute http or https URL.");
            else
                description = description.Length == 0 ? $"照片：{mediaUrl}" : $"{description}\n照片：{mediaUrl}";
        }
        if (errors.Count > 0)
            return Open311Document.Error(format, StatusCodes.Status400BadRequest, [.. errors]);

        // A reporter who leaves a phone number is called back once the case is closed (回访), as a hotline caller is.
        var sourceErrors = new Dictionary<string, string[]>();
        var phone = NullIfEmpty(form["phone"]);
        var (_, details) = ReportSources.Resolve(new ClaimsPrincipal(new ClaimsIdentity()), "public",
            CallerName(form["first_name"].ToString(), form["last_name"].ToString()), phone, null, sourceErrors,
            NullIfEmpty(form["address_string"]), callbackWanted: phone is not null);
        if (sourceErrors.Count > 0)
            return Refusal(format, sourceErrors);

        key.MarkUsed(clock.GetUtcNow());
        var request = new ReportCaseRequest(category.Id, conditionId, longitude, latitude, description, ComponentId: componentId);
        var actor = new Actor($"open311:{key.Name}", CaseRoles.System);
        var (created, refused) = await report.ReportForAsync(request, CaseSource.Public, details, actor, ct);
        if (refused is not null)
            return Refusal(format, refused);
        if (created is null)
            return Open311Document.Error(format, StatusCodes.Status400BadRequest,
                $"({longitude!.Value.ToString(CultureInfo.InvariantCulture)}, {latitude!.Value.ToString(CultureInfo.InvariantCulture)}) "
                + "is outside the managed area: no unit grid covers it.");

        return Open311Document.Ok(format, "service_requests", new Open311List("request",
        [
            new Open311Object()
                .With("service_request_id", created.Number)
                .With("service_notice", "已收到，受理员核实后立案并派遣处置部门。"),
        ]));
    }

    private static IResult Refusal(Open311Format format, IDictionary<string, string[]> errors) =>
        Open311Document.Error(format, errors.ContainsKey("categoryId") ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest,
            [.. errors.SelectMany(e => e.Value.Select(m => $"{FieldNames.GetValueOrDefault(e.Key, e.Key)}: {m}"))]);

    private static double? Coordinate(IFormCollection form, string name, double limit, List<string> errors)
    {
        var text = form[name].ToString().Trim();
        if (text.Length == 0)
            return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value)
            || Math.Abs(value) > limit)
        {
            errors.Add($"{name} must be a number between -{limit} and {limit} (WGS-84 degrees).");
            return null;
        }
        return value;
    }

    /// <summary>
    /// <c>attribute[code]=value</c>, and the several values of a multi-value attribute as <c>attribute[code][]=a</c>
    /// (or the same <c>attribute[code]</c> repeated).
    /// </summary>
    public static Dictionary<string, List<string>> Attributes(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var attributes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (!name.StartsWith("attribute[", StringComparison.Ordinal))
                continue;
            var close = name.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
                continue;
            var code = name["attribute[".Length..close];
            if (!attributes.TryGetValue(code, out var list))
                attributes[code] = list = [];
            list.AddRange(values.OfType<string>().Where(v => v.Length > 0));
        }
        return attributes;
    }

    /// <summary>A Chinese name is family name first, without a space; others are written as given.</summary>
    private static string? CallerName(string first, string last)
    {
        first = first.Trim();
        last = last.Trim();
        if (first.Length == 0 && last.Length == 0)
            return null;
        var chinese = (first + last).Any(c => c is >= '\u4e00' and <= '\u9fff');
        return chinese ? last + first : $"{first} {last}".Trim();
    }

    private static string? NullIfEmpty(StringValues value) => value.ToString().Trim() is { Length: > 0 } v ? v : null;
}
