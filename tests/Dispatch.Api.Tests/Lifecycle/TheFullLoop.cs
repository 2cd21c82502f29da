using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Features.Cases.Automation;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Lifecycle;

/// <summary>
/// One hotline case through the whole closed loop, each step by the role that takes it: verification, accept,
/// file, automatic dispatch, a return and re-dispatch by hand, an extension, a failed check and rework, then a
/// passed check, close and callback. The trace tells the story, row by row.
/// </summary>
public sealed class TheFullLoop(DispatchApp app) : IClassFixture<DispatchApp>
{
    /// <summary>Rows the sweeper may add on its own when a step runs long; the story is told without them.</summary>
    private static readonly string?[] SweeperRows = ["warn", "overdue", "escalate"];

    [Fact]
    public async Task A_hotline_case_goes_round_the_loop_with_a_return_an_extension_and_a_rework()
    {
        var acceptor = await app.SignInAsync("acceptor1");
        var patroller = await app.SignInAsync("patroller1");
        var shiftLeader = await app.SignInAsync("shiftleader1");
        var dispatcher = await app.SignInAsync("dispatcher1");
        var handler = await app.SignInAsync("handler.xs-traffic");

        var reported = await HotlineReportAsync(acceptor);
        var id = reported.GetProperty("id").GetGuid();
        Assert.Equal(("Reported", "hotline"), (reported.GetProperty("state").GetString(), reported.GetProperty("source").GetString()));
        Assert.Equal("138 0000 0000", reported.GetProperty("callerPhone").GetString());
        Assert.Equal(["accept", "refuse", "request-verification"], reported.GetProperty("allowedActions").Strings());
        Assert.Equal("Accept", reported.GetProperty("deadlineStage").GetString());

        var verifying = await OkAsync(acceptor, id, "request-verification", new { opinion = "请核实是否仍有车辆" });
        Assert.Equal("Verifying", verifying.GetProperty("state").GetString());
        var seenByPatroller = await patroller.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(["verify"], seenByPatroller.GetProperty("allowedActions").Strings());
        Assert.Equal(JsonValueKind.Null, seenByPatroller.GetProperty("callerPhone").ValueKind);

        await OkWithPhotoAsync(patroller, id, "verify", new Dictionary<string, string> { ["opinion"] = "属实，车辆仍在" }, CaseApi.Png);
        await OkAsync(acceptor, id, "accept");
        var (_, conditionId) = await CaseApi.CategoryAsync(shiftLeader, "event", "0505");
        await OkAsync(shiftLeader, id, "file", new { conditionId, opinion = "立案" });

        await CaseApi.WaitForStateAsync(acceptor, id, "Dispatched");
        var dispatched = await handler.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal("xs-traffic", dispatched.GetProperty("department").GetProperty("key").GetString());
        Assert.Equal("Handle", dispatched.GetProperty("deadlineStage").GetString());
        Assert.Equal(["assign-handler", "sign", "return"], dispatched.GetProperty("allowedActions").Strings());

        var returned = await OkAsync(handler, id, "return", new { reason = "该路段由交警二中队负责" });
        Assert.Equal(("Returned", 1), (returned.GetProperty("state").GetString(), returned.GetProperty("returnCount").GetInt32()));
        Assert.Equal(JsonValueKind.Null, returned.GetProperty("department").ValueKind);
        Assert.Equal("Dispatch", returned.GetProperty("deadlineStage").GetString());

        var redispatched = await OkAsync(dispatcher, id, "dispatch", new { departmentKey = "xs-traffic", opinion = "经核实属本大队辖区" });
        Assert.Equal("Dispatched", redispatched.GetProperty("state").GetString());
        await OkAsync(handler, id, "sign");

        var asked = await OkAsync(handler, id, "request-extension", new { limit = 1, unit = "working_days", reason = "需协调拖车" });
        var pending = asked.GetProperty("pendingRequest");
        Assert.Equal(("Extension", 1m, "working_days"), (pending.GetProperty("kind").GetString(), pending.GetProperty("limit").GetDecimal(), pending.GetProperty("unit").GetString()));
        var deadlineBefore = asked.GetProperty("nextDeadline").Instant();
        var extended = await OkAsync(dispatcher, id, "approve-extension", new { opinion = "同意延期一个工作日" });
        Assert.Equal(1, extended.GetProperty("extensionCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, extended.GetProperty("pendingRequest").ValueKind);
        Assert.True(extended.GetProperty("nextDeadline").Instant() > deadlineBefore);

        await OkWithPhotoAsync(handler, id, "feedback", new Dictionary<string, string> { ["opinion"] = "已拖离" }, CaseApi.Png);
        await OkAsync(acceptor, id, "request-check");
        var rework = await OkAsync(patroller, id, "check", new { passed = false, opinion = "又停了一辆车" });
        Assert.Equal(("Handling", 1), (rework.GetProperty("state").GetString(), rework.GetProperty("reworkCount").GetInt32()));

        await OkWithPhotoAsync(handler, id, "feedback", new Dictionary<string, string> { ["opinion"] = "已再次拖离并设置隔离桩" }, CaseApi.Png);
        await OkAsync(acceptor, id, "request-check");
        var passed = await OkAsync(patroller, id, "check", new { passed = true, opinion = "已整改" });
        Assert.Equal("ToClose", passed.GetProperty("state").GetString());
        var closed = await OkAsync(shiftLeader, id, "close", new { opinion = "结案" });
        Assert.Equal(("Closed", JsonValueKind.Null), (closed.GetProperty("state").GetString(), closed.GetProperty("nextDeadline").ValueKind));
        var archived = await OkAsync(acceptor, id, "callback", new { satisfied = true, opinion = "市民满意" });
        Assert.Equal("Archived", archived.GetProperty("state").GetString());
        Assert.True(archived.GetProperty("callbackSatisfied").GetBoolean());
        Assert.Empty(archived.GetProperty("allowedActions").EnumerateArray());

        var trace = archived.GetProperty("trace").EnumerateArray()
            .Where(t => !(t.GetProperty("role").GetString() == "system" && SweeperRows.Contains(t.GetProperty("action").GetString())))
            .ToList();
        Assert.Equal(
            [
                ("report", "acceptor", null, "Reported"),
                ("request-verification", "acceptor", "Reported", "Verifying"),
                ("verify", "patroller", "Verifying", "Reported"),
                ("accept", "acceptor", "Reported", "ToFile"),
                ("file", "shift-leader", "ToFile", "ToDispatch"),
                ("dispatch", "system", "ToDispatch", "Dispatched"),
                ("return", "handler", "Dispatched", "Returned"),
                ("dispatch", "dispatcher", "Returned", "Dispatched"),
                ("sign", "handler", "Dispatched", "Handling"),
                ("request-extension", "handler", "Handling", "Handling"),
                ("approve-extension", "dispatcher", "Handling", "Handling"),
                ("feedback", "handler", "Handling", "FedBack"),
                ("request-check", "acceptor", "FedBack", "Checking"),
                ("check", "patroller", "Checking", "Handling"),
                ("feedback", "handler", "Handling", "FedBack"),
                ("request-check", "acceptor", "FedBack", "Checking"),
                ("check", "patroller", "Checking", "ToClose"),
                ("close", "shift-leader", "ToClose", "Closed"),
                ("callback", "acceptor", "Closed", "Archived"),
            ],
            trace.Select(t => (t.GetProperty("action").GetString(), t.GetProperty("role").GetString(),
                t.GetProperty("fromState").GetString(), t.GetProperty("toState").GetString())));

        // Who and which department: the return names the department that returned it, the dispatches where they sent it.
        var rows = trace.ToDictionary(t => t.GetProperty("sequence").GetInt32());
        Assert.All(trace.Where(t => t.GetProperty("role").GetString() == "handler"),
            t => Assert.Equal("xs-traffic", t.GetProperty("departmentKey").GetString()));
        Assert.Equal("handler.xs-traffic", trace.Single(t => t.GetProperty("action").GetString() == "return").GetProperty("actor").GetString());
        Assert.Equal("该路段由交警二中队负责", trace.Single(t => t.GetProperty("action").GetString() == "return").GetProperty("opinion").GetString());
        Assert.All(trace.Where(t => t.GetProperty("action").GetString() == "dispatch"),
            t => Assert.Equal("xs-traffic", t.GetProperty("departmentKey").GetString()));

        // Steps that end a timed step say whether they were on time; the others do not.
        foreach (var action in new[] { "accept", "file", "close", "callback" })
        {
            var row = trace.First(t => t.GetProperty("action").GetString() == action);
            Assert.Equal(action == "callback" ? JsonValueKind.Null : JsonValueKind.True, row.GetProperty("onTime").ValueKind);
        }
        Assert.Equal(JsonValueKind.Null, trace.First(t => t.GetProperty("action").GetString() == "sign").GetProperty("onTime").ValueKind);

        // Photos: before (none on a hotline call), on verification, after each feedback; each tied to its row.
        var photos = archived.GetProperty("photos").EnumerateArray().ToList();
        Assert.Equal(["verify", "feedback", "feedback"], photos.Select(p => p.GetProperty("stage").GetString()));
        foreach (var photo in photos)
        {
            var row = rows[photo.GetProperty("traceSequence").GetInt32()];
            Assert.Equal(photo.GetProperty("stage").GetString(), row.GetProperty("action").GetString());
            Assert.Contains(photo.GetProperty("id").GetGuid(), row.GetProperty("attachments").EnumerateArray().Select(a => a.GetGuid()));
        }
        Assert.Equal(CaseApi.Png, await acceptor.GetByteArrayAsync(photos[^1].GetProperty("url").GetString()));

        // Every row went out as an event, with the specific ones beside them, all from the outbox.
        var text = id.ToString();
        var (taken, returnedEvents, closedEvents, filedEvents) = await app.QueryAsync(async db => (
            await db.Outbox.CountAsync(m => m.MessageType == "Dispatch.Contracts.Cases.CaseActionTaken" && m.Body.Contains(text)),
            await db.Outbox.CountAsync(m => m.MessageType == "Dispatch.Contracts.Cases.CaseReturned" && m.Body.Contains(text)),
            await db.Outbox.CountAsync(m => m.MessageType == "Dispatch.Contracts.Cases.CaseClosed" && m.Body.Contains(text)),
            await db.Outbox.CountAsync(m => m.MessageType == "Dispatch.Contracts.Cases.CaseFiled" && m.Body.Contains(text))));
        Assert.Equal(archived.GetProperty("trace").GetArrayLength() - 1, taken);
        Assert.Equal((1, 1, 1), (returnedEvents, closedEvents, filedEvents));
    }

    [Fact]
    public async Task A_patrollers_report_fixed_on_the_spot_waits_for_the_acceptor_and_closes_without_dispatch()
    {
        var patroller = await app.SignInAsync("patroller2");
        var acceptor = await app.SignInAsync("acceptor1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0102");
        var form = new MultipartFormDataContent
        {
            { new StringContent(categoryId.ToString()), "categoryId" },
            { new StringContent(CaseApi.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture)), "longitude" },
            { new StringContent(CaseApi.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture)), "latitude" },
            { new StringContent("随手清理了暴露垃圾"), "description" },
            { new StringContent("true"), "selfHandled" },
            { new ByteArrayContent(CaseApi.Png), "photos", "after.png" },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = form };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var created = await (await patroller.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.True(created.GetProperty("selfHandled").GetBoolean());
        await IntakeHasSeenAsync(app, id);

        var waiting = await acceptor.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal("Reported", waiting.GetProperty("state").GetString());
        Assert.Contains("self-handle", waiting.GetProperty("allowedActions").Strings());

        var closed = await OkAsync(acceptor, id, "self-handle", new { opinion = "确认已自行处置" });

        Assert.Equal("Closed", closed.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("department").ValueKind);
        Assert.Equal(["report", "self-handle"], closed.GetProperty("trace").EnumerateArray().Select(t => t.GetProperty("action").GetString()));
    }

    /// <summary>Waits until the intake consumer has handled the case's CaseReported, so that "still waiting" means something.</summary>
    internal static Task IntakeHasSeenAsync(DispatchApp app, Guid id) =>
        DispatchApp.EventuallyAsync(
            () => app.QueryAsync(db =>
            {
                var text = id.ToString();
                var reported = db.Outbox.Where(m => m.MessageType == "Dispatch.Contracts.Cases.CaseReported" && m.Body.Contains(text)).Select(m => m.Id);
                return db.Inbox.AnyAsync(i => reported.Contains(i.MessageId) && i.Consumer == "IntakeConsumer");
            }),
            seen => seen, $"intake to handle case {id}");
}
