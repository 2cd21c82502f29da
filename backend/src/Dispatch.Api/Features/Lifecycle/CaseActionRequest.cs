using System.Globalization;
using Dispatch.Api.Features.Cases;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Calendar;
using Dispatch.Domain.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace Dispatch.Api.Features.Lifecycle;

/// <summary>
/// The body of <c>POST /api/cases/{id}/{action}</c>, as JSON or as multipart form fields (plus <c>photos</c> parts for
/// the actions that take photos). Which fields an action needs is in <see cref="CaseActionRules"/>.
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
    IReadOnlyList<string>? AssistingDepartmentKeys = null);

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
                : null);
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

/// <summary>What each action needs in its body, checked before anything is stored.</summary>
public static class CaseActionRules
{
    /// <summary>Actions whose trace row may carry photos (核实, 处置反馈 after-photos, 核查, 自行处置).</summary>
    public static readonly IReadOnlySet<string> TakePhotos =
        new HashSet<string>(StringComparer.Ordinal) { CaseAction.Verify, CaseAction.Feedback, CaseAction.Check, CaseAction.SelfHandle };

    private static readonly HashSet<string> NeedReason = new(StringComparer.Ordinal)
    {
        CaseAction.Refuse, CaseAction.Void, CaseAction.Return, CaseAction.RejectExtension,
        CaseAction.RejectSuspension, CaseAction.RequestSuspension,
    };

    /// <summary>The largest extension one request may ask for, in its own unit: a guard against typos, not policy.</summary>
    public const decimal MaxExtension = 1000;

    /// <summary>Field errors of <paramref name="input"/> for <paramref name="action"/>; empty when it may go on.</summary>
    public static Dictionary<string, string[]> Check(string action, CaseActionInput input, int? ifMatch)
    {
        ArgumentNullException.ThrowIfNull(input);
        var r = input.Request;
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, text) in new[] { ("opinion", r.Opinion), ("reason", r.Reason), ("instruction", r.Instruction) })
        {
            if (text is { Length: > Case.MaxOpinionLength })
                errors[field] = [$"At most {Case.MaxOpinionLength} characters (got {text.Length})."];
        }
        if (r.ExpectedVersion is < 1)
            errors["expectedVersion"] = ["A case version is 1 or more."];
        if (r.ExpectedVersion is { } expected && ifMatch is { } header && expected != header)
            errors["expectedVersion"] = [$"The body says version {expected} but If-Match says {header}."];
        if (input.Photos.Count > 0 && !TakePhotos.Contains(action))
            errors["photos"] = [$"'{action}' takes no photos; photos go with {string.Join(", ", TakePhotos)}."];
        if (r.AssistingDepartmentKeys is { Count: > 0 } && action is not (CaseAction.Assist or CaseAction.Dispatch))
            errors["assistingDepartmentKeys"] = ["Assisting departments are named on assist or dispatch."];
        else if (r.AssistingDepartmentKeys is { } keys && (keys.Count > Case.MaxAssistingDepartments || keys.Distinct(StringComparer.Ordinal).Count() != keys.Count))
            errors["assistingDepartmentKeys"] = [$"At most {Case.MaxAssistingDepartments} different departments."];
        if (NeedReason.Contains(action) && string.IsNullOrWhiteSpace(r.Reason))
            errors["reason"] = [$"A reason is required to {action}."];

        switch (action)
        {
            case CaseAction.Dispatch when string.IsNullOrWhiteSpace(r.DepartmentKey):
                errors["departmentKey"] = ["Dispatching by hand needs the key of the department to send the case to."];
                break;
            case CaseAction.Assist when r.AssistingDepartmentKeys is null:
                errors["assistingDepartmentKeys"] = ["Name the assisting departments (an empty list ends co-handling)."];
                break;
            case CaseAction.RequestExtension:
                if (r.Limit is null)
                    errors["limit"] = ["An extension request needs the extra time asked for (limit and unit)."];
                CheckLimit(r, errors, required: true);
                break;
            case CaseAction.ApproveExtension:
                if (r.Limit is not null || r.Unit is not null)
                    CheckLimit(r, errors, required: true);
                break;
            case CaseAction.Check:
                if (r.Passed is null)
                    errors["passed"] = ["Say whether the check passed (true) or failed (false)."];
                else if (r.Passed == false && string.IsNullOrWhiteSpace(r.Opinion))
                    errors["opinion"] = ["A failed check needs an opinion telling the department what is still wrong."];
                break;
            case CaseAction.Escalate when string.IsNullOrWhiteSpace(r.Instruction):
                errors["instruction"] = ["督办 needs the leader's instruction."];
                break;
            case CaseAction.Callback when r.Satisfied is null:
                errors["satisfied"] = ["Say whether the caller was satisfied."];
                break;
        }
        return errors;
    }

    /// <summary>The limit of an extension request or approval, when the fields are valid.</summary>
    public static TimeLimit? LimitOf(CaseActionRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.Limit is { } amount && r.Unit is { } unit ? new TimeLimit(amount, TimeLimit.ParseUnit(unit)) : null;
    }

    private static void CheckLimit(CaseActionRequest r, Dictionary<string, string[]> errors, bool required)
    {
        TimeLimitUnit? unit = null;
        if (r.Unit is null)
        {
            if (required)
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
            if (required && !errors.ContainsKey("limit"))
                errors["limit"] = ["The amount of the limit is required."];
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
