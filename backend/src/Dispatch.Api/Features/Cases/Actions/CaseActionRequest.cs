using System.Globalization;
using Dispatch.Api.Features.Cases.Photos;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Calendar;
using Dispatch.Domain.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace Dispatch.Api.Features.Cases.Actions;

/// <summary>
/// The body of <c>POST /api/cases/{id}/{action}</c>, as JSON or as multipart form fields (plus <c>photos</c> parts for
/// the actions that take photos). Which fields an action takes is in its row of <see cref="CaseLifecycle"/>.
/// </summary>
/// <param name="ExpectedVersion">The version the caller saw; a case that moved on since answers 409. <c>If-Match</c> does the same.</param>
/// <param name="Reason">Why: required to refuse, void, return, reject a request or ask for a suspension.</param>
/// <param name="Instruction">督办: the leader's instruction.</param>
/// <param name="DepartmentKey">Dispatch by hand: the department to send the case to.</param>
/// <param name="Limit">Extension: the extra time asked for (or granted), with <paramref name="Unit"/>.</param>
/// <param name="Passed">Check: whether the problem is fixed.</param>
/// <param name="Satisfied">Callback: whether the caller was satisfied.</param>
/// <param name="CategoryId">File: a corrected category.</param>
/// <param name="ConditionId">File: the filing condition, which sets the handling limit.</param>
/// <param name="AssistingDepartmentKeys">协办: the departments that assist the lead (on <c>assist</c>, an empty list ends
/// co-handling; on <c>dispatch</c>, optional).</param>
/// <param name="AssigneeUserName">内部派遣: the handler (of the department or one of its sub-units) to give the case to.</param>
public sealed record CaseActionRequest(
    int? ExpectedVersion = null,
    string? Opinion = null,
    string? Reason = null,
    string? Instruction = null,
    string? DepartmentKey = null,
    decimal? Limit = null,
    string? Unit = null,
    bool? Passed = null,
    bool? Satisfied = null,
    Guid? CategoryId = null,
    Guid? ConditionId = null,
    IReadOnlyList<string>? AssistingDepartmentKeys = null,
    string? AssigneeUserName = null);

/// <summary>A request read off the wire: the fields, the photos' bytes, and the version from <c>If-Match</c>.</summary>
public sealed record CaseActionInput(CaseActionRequest Request, IReadOnlyList<UploadedPhoto> Photos)
{
    /// <summary>JSON, a multipart form, or no body at all (every field absent).</summary>
    public static async Task<(CaseActionInput? Input, IResult? Problem)> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.ContentLength is 0 || (http.ContentLength is null && string.IsNullOrEmpty(http.ContentType)))
            return (new CaseActionInput(new CaseActionRequest(), []), null);
        if (http.HasJsonContentType())
            return await ReadJsonAsync(http, ct);
        if (http.HasFormContentType)
            return await ReadFormAsync(http, ct);
        return (null, TypedResults.Problem(title: "Unsupported media type",
            detail: "Send application/json, multipart/form-data (with photos), or no body.",
            statusCode: StatusCodes.Status415UnsupportedMediaType));
    }

    /// <summary>The version in <c>If-Match</c> (<c>"7"</c>, <c>W/"7"</c> or <c>7</c>), null when absent.</summary>
    public static bool TryReadIfMatch(HttpRequest http, out int? version)
    {
        ArgumentNullException.ThrowIfNull(http);
        version = null;
        var header = http.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
            return true;
        if (header.StartsWith("W/", StringComparison.Ordinal))
            header = header[2..];
        header = header.Trim('"');
        if (!int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            return false;
        version = parsed;
        return true;
    }

    private static async Task<(CaseActionInput?, IResult?)> ReadJsonAsync(HttpRequest http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<CaseActionRequest>(http, ct);
        return request is null ? (null, problem) : (new CaseActionInput(request, []), null);
    }

    private static async Task<(CaseActionInput?, IResult?)> ReadFormAsync(HttpRequest http, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var errors = new Dictionary<string, string[]>();
        var request = new CaseActionRequest(
            MultipartForm.Parse<int>(form, "expectedVersion", (string s, out int v) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v), errors),
            MultipartForm.Text(form, "opinion"),
            MultipartForm.Text(form, "reason"),
            MultipartForm.Text(form, "instruction"),
            MultipartForm.Text(form, "departmentKey"),
            MultipartForm.Parse<decimal>(form, "limit", (string s, out decimal v) => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out v), errors),
            MultipartForm.Text(form, "unit"),
            MultipartForm.Parse<bool>(form, "passed", bool.TryParse, errors),
            MultipartForm.Parse<bool>(form, "satisfied", bool.TryParse, errors),
            MultipartForm.Parse<Guid>(form, "categoryId", Guid.TryParse, errors),
            MultipartForm.Parse<Guid>(form, "conditionId", Guid.TryParse, errors),
            form.TryGetValue("assistingDepartmentKeys", out var assisting)
                ? assisting.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!.Trim()).ToList()
                : null,
            MultipartForm.Text(form, "assigneeUserName"));
        if (errors.Count > 0)
            return (null, TypedResults.ValidationProblem(errors));

        var (photos, photoProblem) = await MultipartForm.ReadPhotosAsync(form, ct);
        if (photoProblem is not null)
            return (null, photoProblem);
        return (new CaseActionInput(request, photos), null);
    }




    internal static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

}

/// <summary>What each action needs in its body, read off its row of the action table and checked before anything is stored.</summary>
public static class CaseActionRules
{
    /// <summary>The largest extension one request may ask for, in its own unit: a guard against typos, not policy.</summary>
    public const decimal MaxExtension = 1000;

    /// <summary>Every field a request can carry besides <c>expectedVersion</c> and photos, with whether this request set it.</summary>
    private static IEnumerable<(string Name, bool Present)> Given(CaseActionRequest r) =>
    [
        ("opinion", r.Opinion is not null),
        ("reason", r.Reason is not null),
        ("instruction", r.Instruction is not null),
        ("departmentKey", r.DepartmentKey is not null),
        ("assistingDepartmentKeys", r.AssistingDepartmentKeys is not null),
        ("limit", r.Limit is not null || r.Unit is not null),
        ("passed", r.Passed is not null),
        ("satisfied", r.Satisfied is not null),
        ("categoryId", r.CategoryId is not null),
        ("conditionId", r.ConditionId is not null),
        ("assigneeUserName", r.AssigneeUserName is not null),
    ];

    /// <summary>Field errors of <paramref name="input"/> for <paramref name="rule"/>; empty when it may go on.</summary>
    public static Dictionary<string, string[]> Check(CaseTransition rule, CaseActionInput input, int? ifMatch)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(input);
        var r = input.Request;
        var errors = new Dictionary<string, string[]>();
        if (r.ExpectedVersion is < 1)
            errors["expectedVersion"] = ["A case version is 1 or more."];
        if (r.ExpectedVersion is { } expected && ifMatch is { } header && expected != header)
            errors["expectedVersion"] = [$"The body says version {expected} but If-Match says {header}."];
        if (input.Photos.Count > 0 && !rule.Photos)
            errors["photos"] = [$"'{rule.Action}' takes no photos; photos go with {string.Join(", ", CaseLifecycle.Table.Where(t => t.Photos).Select(t => t.Action))}."];

        foreach (var (name, present) in Given(r))
        {
            if (present && rule.Field(name) is null)
                errors[name == "limit" && r.Limit is null ? "unit" : name] = [FieldsOf(rule, $"'{name}' is not a field of '{rule.Action}'")];
        }

        foreach (var field in rule.Fields)
        {
            var required = field.Required || (field.When is { } when && BooleanOf(r, when.Field) == when.Value);
            switch (field.Kind)
            {
                case ActionFieldKind.Text:
                    var text = TextOf(r, field.Name);
                    if (text is { Length: > Case.MaxOpinionLength })
                        errors[field.Name] = [$"At most {Case.MaxOpinionLength} characters (got {text.Length})."];
                    else if (required && string.IsNullOrWhiteSpace(text))
                        errors[field.Name] = [field.When is { } w
                            ? $"'{rule.Action}' with {w.Field} = {(w.Value ? "true" : "false")} needs the {field.Name}: say what is still wrong."
                            : $"A {field.Name} is required to {rule.Action}."];
                    break;
                case ActionFieldKind.Boolean when required && BooleanOf(r, field.Name) is null:
                    errors[field.Name] = [$"Say whether {field.Name} is true or false."];
                    break;
                case ActionFieldKind.Person when required && string.IsNullOrWhiteSpace(r.AssigneeUserName):
                    errors[field.Name] = [$"'{rule.Action}' needs the user name of the handler."];
                    break;
                case ActionFieldKind.Person when r.AssigneeUserName is { Length: > 256 }:
                    errors[field.Name] = ["A user name has at most 256 characters."];
                    break;
                case ActionFieldKind.Department when required && string.IsNullOrWhiteSpace(r.DepartmentKey):
                    errors[field.Name] = [$"'{rule.Action}' needs the key of the department."];
                    break;
                case ActionFieldKind.Departments:
                    if (r.AssistingDepartmentKeys is null)
                    {
                        if (required)
                            errors[field.Name] = ["Name the departments (an empty list ends co-handling)."];
                    }
                    else if (r.AssistingDepartmentKeys.Any(string.IsNullOrWhiteSpace))
                        errors[field.Name] = ["A department key is empty."];
                    else if (r.AssistingDepartmentKeys.Count > Case.MaxAssistingDepartments
                        || r.AssistingDepartmentKeys.Distinct(StringComparer.Ordinal).Count() != r.AssistingDepartmentKeys.Count)
                        errors[field.Name] = [$"At most {Case.MaxAssistingDepartments} different departments."];
                    break;
                case ActionFieldKind.Limit:
                    if (required && r.Limit is null)
                        errors["limit"] = [$"'{rule.Action}' needs the time asked for (limit and unit)."];
                    if (required || r.Limit is not null || r.Unit is not null)
                        CheckLimit(r, errors);
                    break;
            }
        }
        return errors;
    }

    /// <summary>The limit of an extension request or approval, when the fields are valid.</summary>
    public static TimeLimit? LimitOf(CaseActionRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.Limit is { } amount && r.Unit is { } unit ? new TimeLimit(amount, TimeLimit.ParseUnit(unit)) : null;
    }

    private static string FieldsOf(CaseTransition rule, string start) =>
        rule.Fields.Count == 0 ? $"{start}; it takes no fields." : $"{start}; it takes {string.Join(", ", rule.Fields.Select(f => f.Name))}.";

    private static string? TextOf(CaseActionRequest r, string name) => name switch
    {
        "opinion" => r.Opinion,
        "reason" => r.Reason,
        "instruction" => r.Instruction,
        _ => throw new InvalidOperationException($"The action table names a text field '{name}' that requests do not carry."),
    };

    private static bool? BooleanOf(CaseActionRequest r, string name) => name switch
    {
        "passed" => r.Passed,
        "satisfied" => r.Satisfied,
        _ => throw new InvalidOperationException($"The action table names a boolean field '{name}' that requests do not carry."),
    };

    private static void CheckLimit(CaseActionRequest r, Dictionary<string, string[]> errors)
    {
        TimeLimitUnit? unit = null;
        if (r.Unit is null)
        {
            errors["unit"] = ["The unit of the limit is required: working_hours, urgent_hours, working_days or calendar_days."];
        }
        else
        {
            try
            {
                unit = TimeLimit.ParseUnit(r.Unit);
            }
            catch (FormatException e)
            {
                errors["unit"] = [e.Message];
            }
        }
        if (r.Limit is not { } amount)
        {
            errors.TryAdd("limit", ["The amount of the limit is required."]);
            return;
        }
        if (amount <= 0 || amount > MaxExtension)
            errors["limit"] = [$"An extension is more than 0 and at most {MaxExtension} (got {amount.ToString(CultureInfo.InvariantCulture)})."];
        else if (decimal.Round(amount, 2) != amount)
            errors["limit"] = ["An extension has at most two decimals."];
        else if (unit == TimeLimitUnit.WorkingDays && decimal.Truncate(amount) != amount)
            errors["limit"] = ["Working days are whole days; use working_hours for fractions."];
    }
}
