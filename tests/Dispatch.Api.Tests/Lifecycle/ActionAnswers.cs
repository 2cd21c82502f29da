using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Lifecycle;

/// <summary>What the action endpoints answer: 403 for a role or department that may not, 409 for the wrong state or a stale version, and exactly one winner of two concurrent actions.</summary>
public sealed class ActionAnswers(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Theory]
    [InlineData("patroller1", "dispatch")]
    [InlineData("admin", "accept")]
    [InlineData("leader1", "sign")]
    [InlineData("acceptor1", "close")]
    [InlineData("handler.xs-sanitation", "sign")]
    public async Task A_role_or_department_that_may_not_take_the_action_gets_403_and_nothing_changes(string user, string action)
    {
        var patroller = await app.SignInAsync("patroller1");
        var id = await DispatchedPatrolCaseAsync(patroller);
        var before = await FootprintAsync(app, id);
        var client = await app.SignInAsync(user);

        var response = await ActAsync(client, id, action, new { departmentKey = "xs-traffic" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(action, problem.GetProperty("action").GetString());
        Assert.Equal(before, await FootprintAsync(app, id));
    }

    [Theory]
    [InlineData("handler.xs-traffic", "feedback")]
    [InlineData("acceptor1", "accept")]
    [InlineData("shiftleader1", "close")]
    [InlineData("dispatcher1", "resume")]
    public async Task An_action_the_state_does_not_allow_gets_409_with_the_current_state(string user, string action)
    {
        var patroller = await app.SignInAsync("patroller2");
        var id = await DispatchedPatrolCaseAsync(patroller);
        var before = await FootprintAsync(app, id);
        var client = await app.SignInAsync(user);

        var response = await ActAsync(client, id, action, new { opinion = "x" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Dispatched", problem.GetProperty("state").GetString());
        Assert.Equal(before.Version, problem.GetProperty("version").GetInt32());
        Assert.Equal(before, await FootprintAsync(app, id));
    }

    [Fact]
    public async Task A_callback_for_a_patrol_report_is_409_because_only_public_reports_get_one()
    {
        var acceptor = await app.SignInAsync("acceptor1");
        var patroller = await app.SignInAsync("patroller1");
        var id = await DispatchedPatrolCaseAsync(patroller);

        var response = await ActAsync(acceptor, id, "callback", new { satisfied = true });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Of_two_concurrent_actions_on_one_case_exactly_one_wins_and_the_other_gets_409()
    {
        var patroller = await app.SignInAsync("patroller1");
        var first = await app.SignInAsync("handler.xs-traffic");
        var second = await app.SignInAsync("handler.xs-traffic");
        for (var round = 0; round < 5; round++)
        {
            var id = await DispatchedPatrolCaseAsync(patroller, $"race {round}");
            var version = (await first.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("version").GetInt32();

            // Both acted on the same version: whichever commits second finds the case moved on.
            var answers = await Task.WhenAll(
                ActAsync(first, id, "sign", new { opinion = "first", expectedVersion = version }),
                ActAsync(second, id, "return", new { reason = "second", expectedVersion = version }));

            var codes = answers.Select(a => a.StatusCode).ToList();
            var seen = string.Join(" | ", await Task.WhenAll(answers.Select(async a => $"{(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}")));
            Assert.True(codes.Count(c => c == HttpStatusCode.OK) == 1, $"One winner expected: {seen}");
            Assert.True(codes.Count(c => c == HttpStatusCode.Conflict) == 1, $"One 409 expected: {seen}");
            var loser = await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(loser.GetProperty("state").GetString() is "Handling" or "Returned");
            var rows = await app.QueryAsync(db => db.CaseTraces.Where(t => t.CaseId == id && (t.Action == "sign" || t.Action == "return")).CountAsync());
            Assert.Equal(1, rows);
        }
    }

    [Fact]
    public async Task The_same_action_twice_at_once_is_taken_once()
    {
        var patroller = await app.SignInAsync("patroller2");
        var handler = await app.SignInAsync("handler.xs-traffic");
        var id = await DispatchedPatrolCaseAsync(patroller, "double sign");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ActAsync(handler, id, "sign")));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await app.QueryAsync(db => db.CaseTraces.CountAsync(t => t.CaseId == id && t.Action == "sign")));
    }

    [Fact]
    public async Task A_stale_expected_version_or_If_Match_is_409_and_the_current_one_goes_through()
    {
        var patroller = await app.SignInAsync("patroller1");
        var handler = await app.SignInAsync("handler.xs-traffic");
        var id = await DispatchedPatrolCaseAsync(patroller, "versions");
        var get = await handler.GetAsync($"/api/cases/{id}");
        var etag = get.Headers.ETag?.Tag;
        var version = (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        Assert.Equal($"\"{version}\"", etag);

        var staleBody = await ActAsync(handler, id, "sign", new { expectedVersion = version - 1 });
        var staleHeader = await ActAsync(handler, id, "sign", ifMatch: $"\"{version - 1}\"");
        var current = await ActAsync(handler, id, "sign", ifMatch: etag);

        Assert.Equal(HttpStatusCode.Conflict, staleBody.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleHeader.StatusCode);
        Assert.Equal(version, (await staleBody.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal($"\"{version + 1}\"", current.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Each_role_is_offered_exactly_the_actions_it_may_take_now()
    {
        var patroller = await app.SignInAsync("patroller2");
        var id = await DispatchedPatrolCaseAsync(patroller, "offers");

        async Task<string[]> OfferedTo(string user) =>
            (await (await app.SignInAsync(user)).GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("allowedActions").Strings();

        Assert.Equal(["assign-handler", "sign", "return"], await OfferedTo("handler.xs-traffic"));
        Assert.Equal(["escalate"], await OfferedTo("leader1"));
        // 协办: a dispatcher may name departments to assist the lead.
        Assert.Equal(["assist"], await OfferedTo("dispatcher1"));
        Assert.Empty(await OfferedTo("acceptor1"));
        Assert.Empty(await OfferedTo("patroller2"));
        Assert.Empty(await OfferedTo("admin"));
    }

    [Fact]
    public async Task A_leaders_escalation_flags_the_case_with_the_instruction_and_keeps_its_state()
    {
        var patroller = await app.SignInAsync("patroller1");
        var leader = await app.SignInAsync("leader1");
        var id = await DispatchedPatrolCaseAsync(patroller, "escalate me");

        var escalated = await OkAsync(leader, id, "escalate", new { instruction = "今天之内处理完毕" });

        Assert.Equal("Dispatched", escalated.GetProperty("state").GetString());
        Assert.True(escalated.GetProperty("escalated").GetBoolean());
        Assert.Equal("今天之内处理完毕", escalated.GetProperty("escalationInstruction").GetString());
        var board = await leader.GetFromJsonAsync<JsonElement>("/api/boards/command");
        Assert.True(board.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id).GetProperty("escalated").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_case_or_action_is_404()
    {
        var handler = await app.SignInAsync("handler.xs-traffic");

        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(handler, Guid.NewGuid(), "sign")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(handler, Guid.NewGuid(), "teleport")).StatusCode);
    }

    [Fact]
    public async Task Actions_need_a_signed_in_user()
    {
        var patroller = await app.SignInAsync("patroller2");
        var id = await DispatchedPatrolCaseAsync(patroller, "anonymous");

        Assert.Equal(HttpStatusCode.Unauthorized, (await ActAsync(app.Anonymous(), id, "sign")).StatusCode);
    }
}
