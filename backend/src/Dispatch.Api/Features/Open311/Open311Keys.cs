using System.Security.Cryptography;
using System.Text;
using Dispatch.Api.Audit;
using Dispatch.Api.Hosting;
using Dispatch.Persistence;
using Dispatch.Persistence.Open311;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Open311;

public sealed record IssueOpen311KeyRequest(string? Name);

/// <summary>A key as the admin page lists it; <see cref="Key"/> is set only in the answer that issues it.</summary>
public sealed record Open311KeyDto(Guid Id, string Name, string Prefix, string IssuedBy, DateTimeOffset IssuedAt,
    DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastUsedAt, string? Key = null);

/// <summary>
/// The api_keys of Open311 (开放接口): an administrator issues one per outside system, sees it once, and revokes it when
/// the system goes away. Only the key's SHA-256 is stored. Both changes write an audit row.
/// </summary>
public static class Open311Keys
{
    /// <summary>Keys start with this, so that a leaked one is recognisable in logs and code.</summary>
    public const string KeyPrefix = "o311_";

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static Open311KeyDto ToDto(this Open311Key k, string? key = null) =>
        new(k.Id, k.Name, k.Prefix, k.IssuedBy, k.IssuedAt, k.RevokedAt, k.RevokedBy, k.LastUsedAt, key);

    public static async Task<Ok<Open311KeyDto[]>> List(DispatchDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Open311Keys.AsNoTracking().OrderByDescending(k => k.IssuedAt).ToListAsync(ct))
            .Select(k => k.ToDto()).ToArray());

    public static async Task<Results<Created<Open311KeyDto>, ValidationProblem>> Issue(IssueOpen311KeyRequest request,
        HttpContext http, DispatchDbContext db, TimeProvider clock, AdminAudit audit, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > Open311Key.MaxNameLength)
            return JsonBody.Invalid("name", $"Name the system the key is for, in 1 to {Open311Key.MaxNameLength} characters.");
        if (await db.Open311Keys.AnyAsync(k => k.Name == name && k.RevokedAt == null, ct))
            return JsonBody.Invalid("name", $"A key for '{name}' is in use; revoke it first or use another name.");

        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var issued = new Open311Key(Guid.CreateVersion7(), name, Hash(key), key[..Open311Key.PrefixLength],
            http.User.Identity?.Name ?? "system", clock.GetUtcNow());
        db.Open311Keys.Add(issued);
        // The audit row names the key but never holds it.
        audit.Record("open311-key.issue", "open311-key", issued.Id.ToString(), null, issued.ToDto());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/admin/open311/keys/{issued.Id}", issued.ToDto(key));
    }

    public static async Task<Results<Ok<Open311KeyDto>, ProblemHttpResult>> Revoke(Guid id,
        HttpContext http, DispatchDbContext db, TimeProvider clock, AdminAudit audit, CancellationToken ct)
    {
        var key = await db.Open311Keys.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
            return TypedResults.Problem(title: "Not found", detail: $"No Open311 key {id}.", statusCode: StatusCodes.Status404NotFound);
        if (key.IsRevoked)
            return TypedResults.Problem(title: "Already revoked", detail: $"The key for '{key.Name}' was revoked at {key.RevokedAt:O}.", statusCode: StatusCodes.Status409Conflict);
        var before = key.ToDto();
        key.Revoke(http.User.Identity?.Name ?? "system", clock.GetUtcNow());
        audit.Record("open311-key.revoke", "open311-key", key.Id.ToString(), before, key.ToDto());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(key.ToDto());
    }

    /// <summary>The key in force for this api_key, or null (missing, unknown or revoked).</summary>
    public static async Task<Open311Key?> FindInForceAsync(DispatchDbContext db, string? apiKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(apiKey) || apiKey.Length > 200)
            return null;
        var hash = Hash(apiKey);
        var key = await db.Open311Keys.SingleOrDefaultAsync(k => k.KeyHash == hash, ct);
        return key is { IsRevoked: false } ? key : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
