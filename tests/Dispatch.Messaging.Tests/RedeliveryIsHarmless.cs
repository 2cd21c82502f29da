using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Grids;
using Dispatch.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Messaging.Tests;

/// <summary>Delivery is at least once; a message delivered twice must change nothing the second time.</summary>
public sealed class RedeliveryIsHarmless(DispatchApp app) : Redelivery<DispatchApp>(app);

/// <summary>The same, with both deliveries going through the real broker.</summary>
public sealed class RedeliveryIsHarmlessOverRabbitMq(RabbitMqDispatchApp app) : Redelivery<RabbitMqDispatchApp>(app);

public abstract class Redelivery<TApp>(TApp app) : IClassFixture<TApp> where TApp : DispatchApp
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

    [Fact]
    public async Task The_same_message_delivered_twice_at_once_dispatches_once_with_one_trace_row()
    {
        // A filed case the bus has not seen yet, so that both deliveries race for the first dispatch.
        var categoryId = await app.QueryAsync(db => db.Categories.Where(c => c.Code == "0505" && c.Kind == Dispatch.Domain.Catalogue.CategoryKind.Event).Select(c => c.Id).SingleAsync());
        var now = DateTimeOffset.UtcNow;
        var c = Case.Report(Guid.CreateVersion7(), $"450304-2026-8{Random.Shared.Next(100_000, 999_999)}", CaseSource.Hotline, categoryId, null,
            110.29, 25.255, "两次同时投递", "450304", new Actor("acceptor1", CaseRoles.Acceptor), now,
            new GridLocation(GridCode.Parse("450304001003071")));
        c.Accept(Actor.System, now);
        c.File(Actor.System, now);
        await app.QueryAsync(async db =>
        {
            db.Cases.Add(c);
            return await db.SaveChangesAsync();
        });
        var observer = new CountingObserver();
        var bus = app.Services.GetRequiredService<IBus>();
        using var _ = bus.ConnectConsumeObserver(observer);
        var messageId = NewId.NextGuid();
        var message = new CaseFiled(c.Id, c.Number, c.Version, now);

        await Task.WhenAll(
            bus.Publish(message, ctx => ctx.MessageId = messageId),
            bus.Publish(message, ctx => ctx.MessageId = messageId));
        await DispatchApp.EventuallyAsync(() => Task.FromResult(observer.Consumed(messageId)), n => n == 2, "both deliveries to be consumed");

        await AssertDispatchedOnceAsync(c.Id);
        Assert.Equal(1, await app.QueryAsync(db => db.Inbox.CountAsync(m => m.MessageId == messageId)));
    }

    /// <summary>Counts the completed consumptions (faults included) of each message id.</summary>
    private sealed class CountingObserver : IConsumeObserver
    {
        private readonly ConcurrentDictionary<Guid, int> _counts = new();

        public int Consumed(Guid messageId) => _counts.GetValueOrDefault(messageId);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Count(context);

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Count(context);

        private Task Count(ConsumeContext context)
        {
            if (context.MessageId is { } id)
                _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
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
