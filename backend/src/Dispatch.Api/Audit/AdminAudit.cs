using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dispatch.Api.Hosting;
using Dispatch.Persistence;
using Dispatch.Persistence.Audit;

namespace Dispatch.Api.Audit;

/// <summary>
/// Writes the audit row of an administrative change into the same unit of work as the change: call
/// <see cref="Record"/> before the <c>SaveChanges</c> (or the <c>UserManager</c> call) that commits it, and the row
/// and the change land together or not at all. Every administrative endpoint carries <see cref="AuditedEndpoint"/>
/// metadata naming its action; a test calls each one and counts the rows.
/// </summary>
public sealed class AdminAudit(DispatchDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>
    /// Before/after snapshots: the API's own JSON rules, so they read like the API's answers, with Chinese kept as
    /// written (not \u-escaped) so the log's text search finds it. The text is stored, never written into HTML.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new(DispatchJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Record(string action, string subjectType, string subjectKey, object? before, object? after)
    {
        var context = http.HttpContext;
        var actor = context?.User.Identity?.Name ?? "system";
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), actor, action, subjectType, subjectKey,
            Serialize(before), Serialize(after), Activity.Current?.TraceId.ToString() ?? context?.TraceIdentifier));
    }

    private static string? Serialize(object? value) => value switch
    {
        null => null,
        string s => JsonSerializer.Serialize(s, Json),
        _ => JsonSerializer.Serialize(value, value.GetType(), Json),
    };
}

/// <summary>
/// Endpoint metadata: this endpoint makes an administrative change and writes one audit row with this action code.
/// </summary>
public sealed record AuditedEndpoint(string Action);

public static class AuditedEndpointExtensions
{
    /// <summary>Marks an administrative endpoint: it writes one audit row per successful change, with this action.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AuditedEndpoint(action));
        return builder;
    }
}
