using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Features.Cases.Clocks;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Lifecycle;

/// <summary>
/// Deadlines and traffic lights with a clock the test moves: illegal parking (0505) must be handled within 2 working
/// hours, so a case dispatched at 09:00 is due at 11:00 and turns yellow at 10:36. Each test takes a day of its own
/// in March 2026.
/// </summary>
public sealed class SweepingDeadlines(ClockedDispatchApp app) : IClassFixture<ClockedDispatchApp>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, China);

    [Fact]
    public async Task The_sweeper_turns_the_light_yellow_at_80_percent_and_red_past_the_deadline_and_escalates()
    {
        app.Clock.Set(At(2, 9));
        var patroller = await app.SignInAsync("patroller1");
        var leader = await app.SignInAsync("leader1");
        var id = await DispatchedPatrolCaseAsync(patroller, "yellow then red");

        var fresh = await leader.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(("Handle", "Green"), (fresh.GetProperty("deadlineStage").GetString(), fresh.GetProperty("light").GetString()));
        Assert.Equal(At(2, 9), fresh.GetProperty("deadlineStartedAt").Instant());
        Assert.Equal(At(2, 11), fresh.GetProperty("nextDeadline").Instant());

        app.Clock.Set(At(2, 10, 40));
        var yellow = await LightAsync(leader, id, "Yellow");
        Assert.Contains(yellow.GetProperty("trace").EnumerateArray(), t => t.GetProperty("action").GetString() == "warn" && t.GetProperty("role").GetString() == "system");
        Assert.Equal(1, await EventsAsync(id, "CaseDeadlineWarning"));

        app.Clock.Set(At(2, 11, 5));
        var red = await LightAsync(leader, id, "Red");
        var actions = red.GetProperty("trace").EnumerateArray().Select(t => t.GetProperty("action").GetString()).ToList();
        Assert.Equal(["warn", "overdue", "escalate"], actions.Skip(4));
        Assert.True(red.GetProperty("escalated").GetBoolean());
        Assert.Equal("Street", red.GetProperty("escalationLevel").GetString());
        Assert.Equal(red.GetProperty("street").GetProperty("code").GetString(), red.GetProperty("escalatedTo").GetString());
        Assert.Equal("Dispatched", red.GetProperty("state").GetString());
        Assert.Equal((1, 1), (await EventsAsync(id, "CaseOverdue"), await EventsAsync(id, "CaseEscalated")));
        var board = await leader.GetFromJsonAsync<JsonElement>("/api/boards/command");
        var row = board.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(("Red", true), (row.GetProperty("light").GetString(), row.GetProperty("escalated").GetBoolean()));
    }

    [Fact]
    public async Task Several_sweepers_at_once_announce_each_light_exactly_once()
    {
        app.Clock.Set(At(3, 9));
        var patroller = await app.SignInAsync("patroller2");
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
            ids.Add(await DispatchedPatrolCaseAsync(patroller, $"swept {i}"));

        app.Clock.Set(At(3, 10, 40));
        // Four sweepers of our own, racing each other and the host's own.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SweepAsync()));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SweepAsync()));
        await DispatchApp.EventuallyAsync(() => WarnRowsAsync(ids), rows => rows.All(n => n >= 1), "every case to turn yellow");

        Assert.All(await WarnRowsAsync(ids), n => Assert.Equal(1, n));
        foreach (var id in ids)
            Assert.Equal(1, await EventsAsync(id, "CaseDeadlineWarning"));
    }

    [Fact]
    public async Task Suspension_stops_the_clock_and_resumption_moves_the_deadline_by_the_working_time_lost()
    {
        app.Clock.Set(At(4, 9));
        var patroller = await app.SignInAsync("patroller1");
        var handler = await app.SignInAsync("handler.xs-traffic");
        var dispatcher = await app.SignInAsync("dispatcher1");
        var id = await DispatchedPatrolCaseAsync(patroller, "suspended");
        await OkAsync(handler, id, "sign");
        app.Clock.Set(At(4, 9, 30));
        await OkAsync(handler, id, "request-suspension", new { reason = "需要道路改造立项" });
        app.Clock.Set(At(4, 10));
        var suspended = await OkAsync(dispatcher, id, "approve-suspension");
        Assert.Equal("Suspended", suspended.GetProperty("state").GetString());
        Assert.Equal(At(4, 10), suspended.GetProperty("suspendedAt").Instant());

        // A day later the deadline has long passed on the wall clock, but the suspended case is not overdue.
        app.Clock.Set(At(5, 10));
        await SweepAsync();
        Assert.Equal(0, await app.QueryAsync(db => db.CaseTraces.CountAsync(t => t.CaseId == id && (t.Action == "warn" || t.Action == "overdue"))));

        var resumed = await OkAsync(dispatcher, id, "resume", new { opinion = "已立项，恢复处置" });

        // One working hour was used before the pause; the second runs from 10:00 on the 5th.
        Assert.Equal(("Handling", "Green"), (resumed.GetProperty("state").GetString(), resumed.GetProperty("light").GetString()));
        Assert.Equal(At(5, 11), resumed.GetProperty("nextDeadline").Instant());
        Assert.Equal(JsonValueKind.Null, resumed.GetProperty("suspendedAt").ValueKind);
    }

    [Fact]
    public async Task An_approved_extension_moves_the_deadline_and_the_case_is_not_overdue_at_the_old_one()
    {
        app.Clock.Set(At(6, 9));
        var patroller = await app.SignInAsync("patroller2");
        var handler = await app.SignInAsync("handler.xs-traffic");
        var dispatcher = await app.SignInAsync("dispatcher1");
        var id = await DispatchedPatrolCaseAsync(patroller, "extended");
        await OkAsync(handler, id, "sign");
        await OkAsync(handler, id, "request-extension", new { limit = 2, unit = "working_hours", reason = "等待配件" });

        var extended = await OkAsync(dispatcher, id, "approve-extension");

        // From 11:00: one hour to 12:00, the other 14:30-15:30.
        Assert.Equal(At(6, 15, 30), extended.GetProperty("nextDeadline").Instant());
        app.Clock.Set(At(6, 11, 30));
        await SweepAsync();
        Assert.Equal(0, await app.QueryAsync(db => db.CaseTraces.CountAsync(t => t.CaseId == id && (t.Action == "warn" || t.Action == "overdue"))));
    }

    private static async Task<JsonElement> LightAsync(HttpClient client, Guid id, string light) =>
        await DispatchApp.EventuallyAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}"),
            c => c.GetProperty("light").GetString() == light,
            $"case {id} to turn {light}");

    private async Task SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SweepDueCases>().RunOnceAsync(CancellationToken.None);
    }

    private Task<int[]> WarnRowsAsync(List<Guid> ids) =>
        app.QueryAsync(async db =>
        {
            var counts = await db.CaseTraces.Where(t => ids.Contains(t.CaseId) && t.Action == "warn")
                .GroupBy(t => t.CaseId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            return ids.Select(id => counts.SingleOrDefault(c => c.Key == id)?.Count ?? 0).ToArray();
        });

    private Task<int> EventsAsync(Guid id, string type) =>
        app.QueryAsync(db =>
        {
            var text = id.ToString();
            return db.Outbox.CountAsync(m => m.MessageType == $"Dispatch.Contracts.Cases.{type}" && m.Body.Contains(text));
        });
}
