using Dispatch.Api.Audit;
using System.Security.Claims;
using Dispatch.Api.Hosting;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Dispatch.Persistence.Messaging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.DeadLetters;

/// <summary>
/// A dead letter as an administrator sees it. <c>status</c> is <c>open</c>, <c>replayed</c> or <c>discarded</c>;
/// <c>messageType</c> the contract's short name (e.g. <c>CaseFiled</c>); <c>message</c> the failed message itself.
/// </summary>
public sealed record DeadLetterDto(
    Guid Id,
    Guid? MessageId,
    string MessageType,
    System.Text.Json.JsonElement Message,
    string? Queue,
    string ExceptionType,
    string ExceptionMessage,
    DateTimeOffset FaultedAt,
    string Status,
    DateTimeOffset? ReplayedAt,
    string? ReplayedBy,
    Guid? ReplayMessageId,
    DateTimeOffset? DiscardedAt,
    string? DiscardedBy)
{
    public static DeadLetterDto From(DeadLetter d)
    {
        using var body = System.Text.Json.JsonDocument.Parse(d.Body);
        return new DeadLetterDto(d.Id, d.MessageId, d.MessageType[(d.MessageType.LastIndexOf('.') + 1)..], body.RootElement.Clone(),
            d.SourceAddress is null ? null : QueueOf(d.SourceAddress), d.ExceptionType, d.ExceptionMessage, d.FaultedAt,
            d.ReplayedAt is not null ? "replayed" : d.DiscardedAt is not null ? "discarded" : "open",
            d.ReplayedAt, d.ReplayedBy, d.ReplayMessageId, d.DiscardedAt, d.DiscardedBy);
    }

    /// <summary>The queue name from an endpoint address such as <c>rabbitmq://host/route-case?...</c>.</summary>
    private static string QueueOf(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.AbsolutePath.Trim('/').Split('/').Last() : address;
}

public sealed record DeadLetterList(int Open, IReadOnlyList<DeadLetterDto> Items);

/// <summary>
/// 死信 (poison messages): list them, replay one (the failed message is published again through the outbox, under a
/// new message id, so it is durable the moment the replay is acknowledged), or discard one.
/// </summary>
public static class DeadLetterEndpoints
{
    private const int MaxItems = 500;

    public static IEndpointRouteBuilder MapDeadLetterEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/dead-letters").WithTags("Dead letters").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin });
        admin.MapGet("/", List);
        admin.MapPost("/{id:guid}/replay", Replay).Audited("deadletter.replay");
        admin.MapPost("/{id:guid}/discard", Discard).Audited("deadletter.discard");
        return app;
    }

    public static async Task<Results<Ok<DeadLetterList>, ValidationProblem>> List(string? status, DispatchDbContext db, CancellationToken ct)
    {
        var query = db.DeadLetters.AsNoTracking();
        switch (status ?? "open")
        {
            case "open": query = query.Where(d => d.ReplayedAt == null && d.DiscardedAt == null); break;
            case "replayed": query = query.Where(d => d.ReplayedAt != null); break;
            case "discarded": query = query.Where(d => d.DiscardedAt != null); break;
            case "all": break;
            default: return JsonBody.Invalid("status", $"'{status}' is not a status: open, replayed, discarded or all.");
        }
        var open = await db.DeadLetters.CountAsync(d => d.ReplayedAt == null && d.DiscardedAt == null, ct);
        var items = await query.OrderByDescending(d => d.FaultedAt).Take(MaxItems).ToListAsync(ct);
        return TypedResults.Ok(new DeadLetterList(open, items.Select(DeadLetterDto.From).ToList()));
    }

    public static async Task<Results<Ok<DeadLetterDto>, ProblemHttpResult>> Replay(
        Guid id, ClaimsPrincipal user, DispatchDbContext db, AdminAudit audit, TimeProvider clock, CancellationToken ct) =>
        await CloseAsync(id, db, audit, "deadletter.replay", d => db.Outbox.Add(d.Replay(user.Identity!.Name!, clock.GetUtcNow())), ct);

    public static async Task<Results<Ok<DeadLetterDto>, ProblemHttpResult>> Discard(
        Guid id, ClaimsPrincipal user, DispatchDbContext db, AdminAudit audit, TimeProvider clock, CancellationToken ct) =>
        await CloseAsync(id, db, audit, "deadletter.discard", d => d.Discard(user.Identity!.Name!, clock.GetUtcNow()), ct);

    private static async Task<Results<Ok<DeadLetterDto>, ProblemHttpResult>> CloseAsync(
        Guid id, DispatchDbContext db, AdminAudit audit, string action, Action<DeadLetter> close, CancellationToken ct)
    {
        var letter = await db.DeadLetters.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (letter is null)
            return TypedResults.Problem(title: "Dead letter not found", detail: $"No dead letter {id}.", statusCode: StatusCodes.Status404NotFound);
        if (!letter.IsOpen)
            return Closed(letter);
        var before = DeadLetterDto.From(letter);
        close(letter);
        audit.Record(action, "deadletter", id.ToString(), before, DeadLetterDto.From(letter));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Closed(await db.DeadLetters.AsNoTracking().SingleAsync(d => d.Id == id, ct));
        }
        return TypedResults.Ok(DeadLetterDto.From(letter));
    }

    private static ProblemHttpResult Closed(DeadLetter letter) =>
        TypedResults.Problem(title: "Dead letter already handled", statusCode: StatusCodes.Status409Conflict,
            detail: $"Dead letter {letter.Id} was already {(letter.ReplayedAt is not null ? $"replayed at {letter.ReplayedAt:O}" : $"discarded at {letter.DiscardedAt:O}")}.");
}
