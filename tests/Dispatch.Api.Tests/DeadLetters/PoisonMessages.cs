using System.Net;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Contracts.Cases;
using Dispatch.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dispatch.Api.Tests.Routing.RoutingApi;

namespace Dispatch.Api.Tests.DeadLetters;

/// <summary>A message a consumer cannot handle is recorded as a dead letter; an administrator replays or discards it.</summary>
public sealed class PoisonMessages(DispatchApp app) : IClassFixture<DispatchApp>
{
    private static async Task<JsonElement> DeadLetterForAsync(HttpClient admin, Guid messageId) =>
        await DispatchApp.EventuallyAsync(
            async () => (await OkAsync(await admin.GetAsync("/api/admin/dead-letters"))).GetProperty("items").EnumerateArray()
                .FirstOrDefault(d => d.GetProperty("messageId").ValueKind == JsonValueKind.String && d.GetProperty("messageId").GetGuid() == messageId),
            d => d.ValueKind == JsonValueKind.Object,
            $"a dead letter for message {messageId}");

    [Fact]
    public async Task A_message_that_arrived_before_its_case_is_dead_lettered_and_replaying_it_dispatches_the_case_once()
    {
        var admin = await app.SignInAsync("admin");
        var (categoryId, _) = await CaseApi.CategoryAsync(admin, "event", "0505");
        var caseId = Guid.CreateVersion7();
        var messageId = NewId.NextGuid();
        var bus = app.Services.GetRequiredService<IBus>();

        await bus.Publish(new CaseFiled(caseId, "450304-2026-X", 3, DateTimeOffset.UtcNow), ctx => ctx.MessageId = messageId);
        var letter = await DeadLetterForAsync(admin, messageId);

        Assert.Equal("open", letter.GetProperty("status").GetString());
        Assert.Equal("CaseFiled", letter.GetProperty("messageType").GetString());
        Assert.Equal(caseId, letter.GetProperty("message").GetProperty("caseId").GetGuid());
        Assert.Equal("route-case", letter.GetProperty("queue").GetString());
        Assert.Contains("does not exist", letter.GetProperty("exceptionMessage").GetString(), StringComparison.Ordinal);

        // The case turns up (its data was late); replaying the message now routes it.
        await FiledCaseAsync(app, caseId, categoryId, "450304001001001");
        var letterId = letter.GetProperty("id").GetGuid();
        var replayed = await OkAsync(await admin.PostAsync($"/api/admin/dead-letters/{letterId}/replay", null));
        Assert.Equal("replayed", replayed.GetProperty("status").GetString());
        Assert.Equal("admin", replayed.GetProperty("replayedBy").GetString());

        await DispatchApp.EventuallyAsync(() => app.QueryAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.State.ToString()).SingleAsync()),
            s => s == "Dispatched", "the replayed message to dispatch the case");
        Assert.Equal(1, await app.QueryAsync(db => db.CaseTraces.CountAsync(t => t.CaseId == caseId && t.Action == "dispatch")));
        await ProblemAsync(await admin.PostAsync($"/api/admin/dead-letters/{letterId}/replay", null), HttpStatusCode.Conflict);
        var open = await OkAsync(await admin.GetAsync("/api/admin/dead-letters"));
        Assert.DoesNotContain(open.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == letterId);
        var replayedList = await OkAsync(await admin.GetAsync("/api/admin/dead-letters?status=replayed"));
        Assert.Contains(replayedList.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == letterId);
    }

    [Fact]
    public async Task A_dead_letter_can_be_discarded_once_and_only_by_an_administrator()
    {
        var admin = await app.SignInAsync("admin");
        var messageId = NewId.NextGuid();
        await app.Services.GetRequiredService<IBus>().Publish(
            new CaseReported(Guid.CreateVersion7(), "450304-2026-Y", 1, "Patrol", Guid.NewGuid(), DateTimeOffset.UtcNow), ctx => ctx.MessageId = messageId);
        var letterId = (await DeadLetterForAsync(admin, messageId)).GetProperty("id").GetGuid();

        var dispatcher = await app.SignInAsync("dispatcher1");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsync($"/api/admin/dead-letters/{letterId}/discard", null)).StatusCode);
        var discarded = await OkAsync(await admin.PostAsync($"/api/admin/dead-letters/{letterId}/discard", null));
        Assert.Equal("discarded", discarded.GetProperty("status").GetString());
        await ProblemAsync(await admin.PostAsync($"/api/admin/dead-letters/{letterId}/replay", null), HttpStatusCode.Conflict);
        await ProblemAsync(await admin.PostAsync($"/api/admin/dead-letters/{Guid.NewGuid()}/replay", null), HttpStatusCode.NotFound);
        Assert.Equal(["status"], ErrorFields(await ProblemAsync(await admin.GetAsync("/api/admin/dead-letters?status=bogus"), HttpStatusCode.BadRequest)));
        Assert.Equal(0, await app.QueryAsync(db => db.Outbox.CountAsync(m => m.Body.Contains("450304-2026-Y"))));
    }
}
