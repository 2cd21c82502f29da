using System.Security.Claims;
using System.Text.Json.Serialization;
using Dispatch.Api.Features.Cases.Photos;
using Dispatch.Domain.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Api.Features.Cases.Actions;

/// <summary>A field is also required when a boolean field has this value.</summary>
public sealed record RequiredWhenDto(string Field, [property: JsonPropertyName("equals")] bool Value);

/// <summary>One field of an action's request: its name on the wire, what kind of answer it takes, whether it is required.</summary>
public sealed record CaseActionFieldDto(string Name, string Kind, bool Required, RequiredWhenDto? RequiredWhen = null);

/// <summary>
/// One row of the action table as clients see it, in the order buttons are offered: labels in both languages, whether
/// it sends the case backwards (drawn as a warning), whether it takes photos, its fields, and the roles that may take it.
/// Which of them a caller may take on a case now is the case's <c>allowedActions</c>.
/// </summary>
public sealed record CaseActionDto(
    string Action, string LabelZh, string LabelEn, bool Danger, bool Photos,
    IReadOnlyList<CaseActionFieldDto> Fields, IReadOnlyList<string> Roles);

public static class CaseActionEndpoints
{
    /// <summary>Five photos of at most 10 MB each, plus the form fields.</summary>
    private const long MaxActionBytes = (PhotoStore.MaxPerReport * PhotoStore.MaxBytes) + (1024 * 1024);

    /// <summary>The table, served so that clients keep no copy of their own.</summary>
    public static IReadOnlyList<CaseActionDto> Table { get; } = CaseLifecycle.Table
        .Where(t => !t.SystemOnly)
        .Select(t => new CaseActionDto(t.Action, t.LabelZh, t.LabelEn, t.Danger, t.Photos,
            t.Fields.Select(f => new CaseActionFieldDto(f.Name, KindName(f.Kind), f.Required,
                f.When is { } when ? new RequiredWhenDto(when.Field, when.Value) : null)).ToList(),
            t.Roles.Where(r => r != CaseRoles.System).ToList()))
        .ToList();

    /// <summary>Field kinds by their name on the wire; clients draw one input per kind.</summary>
    public static string KindName(ActionFieldKind kind) => kind switch
    {
        ActionFieldKind.Text => "text",
        ActionFieldKind.Boolean => "boolean",
        ActionFieldKind.Department => "department",
        ActionFieldKind.Departments => "departments",
        ActionFieldKind.Limit => "limit",
        ActionFieldKind.Category => "category",
        ActionFieldKind.Condition => "condition",
        ActionFieldKind.Person => "person",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A field kind without a wire name."),
    };

    /// <summary>
    /// <c>GET /api/case-actions</c>, and one route per action people take (<c>POST /api/cases/{id}/accept</c> ...); the
    /// action's row decides who may, in which states, and with which fields.
    /// </summary>
    public static IEndpointRouteBuilder MapCaseActionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/case-actions", () => TypedResults.Ok(Table))
            .WithTags("Lifecycle").WithName("case-actions").RequireAuthorization()
            .WithSummary("The action table: every action people take, its labels, fields and roles");

        var group = app.MapGroup("/api/cases").WithTags("Lifecycle").RequireAuthorization();
        foreach (var rule in CaseLifecycle.Table.Where(t => !t.SystemOnly))
        {
            var action = rule.Action;
            group.MapPost($"/{{id:guid}}/{action}",
                    (Guid id, HttpRequest http, ClaimsPrincipal user, TakeCaseAction handler, CancellationToken ct) =>
                        TakeCaseAction.Handle(action, id, http, user, handler, ct))
                .WithName($"case-{action}")
                .Accepts<CaseActionRequest>("application/json", "multipart/form-data")
                .WithMetadata(new RequestSizeLimitAttribute(MaxActionBytes))
                .DisableAntiforgery()
                .WithSummary($"{rule.LabelZh} / {rule.LabelEn}")
                .WithDescription(Describe(rule));
        }
        return app;
    }

    private static string Describe(CaseTransition rule)
    {
        var fields = rule.Fields.Count == 0
            ? "No fields."
            : "Fields: " + string.Join(", ", rule.Fields.Select(f =>
                $"{f.Name} ({KindName(f.Kind)}{(f.Required ? ", required" : f.When is { } w ? $", required when {w.Field} is {(w.Value ? "true" : "false")}" : "")})")) + ".";
        var photos = rule.Photos ? " Photos as multipart parts named photos." : "";
        return $"Roles: {string.Join(", ", rule.Roles.Where(r => r != CaseRoles.System))}. {fields}{photos}";
    }
}
