using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Contracts.Cases;
using Dispatch.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Messaging.Tests;

/// <summary>Delivery is at least once; a message delivered twice must change nothing the second time.</summary>
public sealed class RedeliveryIsHarmless(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Fact]
    public async Task The_same_case_filed_message_delivered_twice_dispatches_once_with_one_trace_row()
    {
        var (id, filed) = await DispatchedCaseAsync("twice");
        var observer = new ConsumedObserver();
        var bus = app.Services.GetRequiredService<IBus>();
        using var _ = bus.ConnectConsumeObserver(observer);

        // The relay re-publishes a row it had published before a crash: same message id.
        await bus.Publish(filed.Message, ctx => ctx.MessageId = filed.Id);
        await observer.WaitAsync(filed.Id);

        await AssertDispatchedOnceAsync(id);
    }

    [Fact]
    public async Task A_stale_case_filed_message_with_a_new_id_is_ignored_by_the_version_guard()
    {
        var (id, filed) = await DispatchedCaseAsync("stale");
        var observer = new ConsumedObserver();
        var bus = app.Services.GetRequiredService<IBus>();
        using var _ = bus.ConnectConsumeObserver(observer);

        var copyId = NewId.NextGuid();
        await bus.Publish(filed.Message, ctx => ctx.MessageId = copyId);
        await observer.WaitAsync(copyId);

        await AssertDispatchedOnceAsync(id);
        Assert.True(await app.QueryAsync(db => db.Inbox.AnyAsync(m => m.MessageId == copyId)));
    }

    private async Task<(Guid CaseId, (Guid Id, CaseFiled Message) Filed)> DispatchedCaseAsync(string description)
    {
        var patroller = await app.SignInAsync("patroller1");
        var categories = await patroller.GetFromJsonAsync<JsonElement>("/api/categories");
        var categoryId = categories.EnumerateArray()
            .Single(c => c.GetProperty("kind").GetString() == "event" && c.GetProperty("code").GetString() == "0505")
            .GetProperty("id").GetGuid();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = JsonContent.Create(new { categoryId, longitude = 110.29, latitude = 25.255, description }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var id = (await (await patroller.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await DispatchApp.EventuallyAsync(
            () => patroller.GetFromJsonAsync<JsonElement>($"/api/cases/{id}"),
            c => c.GetProperty("state").GetString() == "Dispatched",
            "the case to be dispatched");

        var row = await app.QueryAsync(db => db.Outbox.AsNoTracking()
            .Where(m => m.MessageType == typeof(CaseFiled).FullName && m.Body.Contains(id.ToString()))
            .SingleAsync());
        return (id, (row.Id, JsonSerializer.Deserialize<CaseFiled>(row.Body, JsonSerializerOptions.Web)!));
    }

    private async Task AssertDispatchedOnceAsync(Guid id)
    {
        var (dispatches, version) = await app.QueryAsync(async db => (
            await db.CaseTraces.CountAsync(t => t.CaseId == id && t.Action == "dispatch"),
            await db.Cases.Where(c => c.Id == id).Select(c => c.Version).SingleAsync()));
        Assert.Equal(1, dispatches);
        Assert.Equal(4, version);
    }
}
