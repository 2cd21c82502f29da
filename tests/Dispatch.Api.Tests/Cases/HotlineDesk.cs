using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Cases;

/// <summary>
/// The hotline desk (热线受理): a caller's earlier cases by phone, the call list of closed cases due a callback (回访), the
/// callback's two outcomes, and the caller's phone whole only for acceptors, masked for the rest of the command centre,
/// absent for departments, in every answer that carries it.
/// </summary>
public sealed class HotlineDesk(DispatchApp app) : IClassFixture<DispatchApp>
{
    /// <summary>A hotline call from <paramref name="phone"/> asking for a callback.</summary>
    private static async Task<Guid> CallAsync(HttpClient acceptor, string phone, string description, bool callbackWanted = true)
    {
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(acceptor, "event", "0505");
        var response = await acceptor.SendAsync(CaseApi.Json(new
        {
            categoryId, conditionId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description,
            source = "hotline", callerName = "王先生", callerPhone = phone, addressText = "中山路口", callbackWanted,
        }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>The call taken round the loop to 已结案 by the roles that take each step.</summary>
    private async Task<Guid> ClosedCallAsync(string phone, string description)
    {
        var acceptor = await app.SignInAsync("acceptor1");
        var shiftLeader = await app.SignInAsync("shiftleader1");
        var handler = await app.SignInAsync("handler.xs-traffic");
        var patroller = await app.SignInAsync("patroller1");
        var id = await CallAsync(acceptor, phone, description);
        await Lifecycle.TheFullLoop.IntakeHasSeenAsync(app, id);
        await OkAsync(acceptor, id, "accept");
        await OkAsync(shiftLeader, id, "file");
        await CaseApi.WaitForStateAsync(acceptor, id, "Dispatched");
        await OkAsync(handler, id, "sign");
        await OkWithPhotoAsync(handler, id, "feedback", new Dictionary<string, string> { ["opinion"] = "已劝离" }, CaseApi.Png);
        await OkAsync(acceptor, id, "request-check");
        await OkAsync(patroller, id, "check", new { passed = true });
        await OkAsync(shiftLeader, id, "close");
        return id;
    }

    [Fact]
    public async Task The_callers_earlier_cases_are_found_by_phone_whatever_the_spacing()
    {
        var acceptor = await app.SignInAsync("acceptor1");
        var first = await CallAsync(acceptor, "137 1111 2222", "第一次来电");
        var second = await CallAsync(acceptor, "137-1111-2222", "第二次来电", callbackWanted: false);
        await CallAsync(acceptor, "13711112223", "别人的来电");

        var found = await acceptor.GetFromJsonAsync<JsonElement>("/api/cases/by-caller?phone=13711112222");

        Assert.Equal([second, first], found.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        var newest = found[0];
        Assert.Equal(("Reported", "hotline", "137-1111-2222", "中山路口", false),
            (newest.GetProperty("state").GetString(), newest.GetProperty("source").GetString(), newest.GetProperty("callerPhone").GetString(),
             newest.GetProperty("addressText").GetString(), newest.GetProperty("callbackWanted").GetBoolean()));
        Assert.Equal("0505", newest.GetProperty("category").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_shift_leader_finds_a_callers_cases_with_the_phone_masked()
    {
        var acceptor = await app.SignInAsync("acceptor1");
        await CallAsync(acceptor, "13622223333", "值班长查询");

        var found = await (await app.SignInAsync("shiftleader1")).GetFromJsonAsync<JsonElement>("/api/cases/by-caller?phone=136 2222 3333");

        Assert.Equal(["136****3333"], found.EnumerateArray().Select(c => c.GetProperty("callerPhone").GetString()));
    }

    [Theory]
    [InlineData("dispatcher1")]
    [InlineData("handler.xs-traffic")]
    [InlineData("patroller1")]
    public async Task Only_acceptors_and_shift_leaders_look_up_callers_and_the_call_list(string user)
    {
        var client = await app.SignInAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/cases/by-caller?phone=13800000000")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/cases/callbacks")).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?phone=")]
    [InlineData("?phone=call%20me")]
    [InlineData("?phone=12")]
    public async Task A_lookup_without_a_phone_number_is_a_problem_naming_the_phone(string query)
    {
        var response = await (await app.SignInAsync("acceptor1")).GetAsync("/api/cases/by-caller" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phone", out _));
    }

    [Theory]
    [InlineData("acceptor1", "13512345678")]
    [InlineData("shiftleader1", "135****5678")]
    [InlineData("dispatcher1", "135****5678")]
    [InlineData("leader1", "135****5678")]
    public async Task The_case_detail_and_with_it_the_case_file_show_the_phone_whole_only_to_acceptors(string user, string expected)
    {
        var id = await CallAsync(await app.SignInAsync("acceptor1"), "13512345678", $"详情 {user}");

        var c = await (await app.SignInAsync(user)).GetFromJsonAsync<JsonElement>($"/api/cases/{id}");

        Assert.Equal((expected, "王先生"), (c.GetProperty("callerPhone").GetString(), c.GetProperty("callerName").GetString()));
    }

    [Fact]
    public async Task A_department_sees_no_caller_at_all()
    {
        var id = await ClosedCallAsync("13412345678", "部门看不到来电人");

        var c = await (await app.SignInAsync("handler.xs-traffic")).GetFromJsonAsync<JsonElement>($"/api/cases/{id}");

        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (c.GetProperty("callerPhone").ValueKind, c.GetProperty("callerName").ValueKind));
    }

    [Theory]
    [InlineData("acceptor1", "13312345678")]
    [InlineData("dispatcher1", "133****5678")]
    public async Task Ledger_rows_and_exports_show_the_phone_as_the_reader_may_see_it(string user, string expected)
    {
        var word = $"台账号码{Guid.NewGuid():N}"[..16];
        await CallAsync(await app.SignInAsync("acceptor1"), "13312345678", word);
        var client = await app.SignInAsync(user);

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/cases?q={word}");
        var csv = await client.GetStringAsync($"/api/cases/export?format=csv&q={word}&columns=number,callerName,callerPhone,addressText,callbackWanted");

        Assert.Equal([expected], page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("callerPhone").GetString()));
        var lines = csv.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("案卷编号,来电人,来电号码,地址描述,需要回访", lines[0].Trim());
        Assert.EndsWith($",王先生,{expected},中山路口,是", lines[1].Trim(), StringComparison.Ordinal);
        if (expected.Contains('*', StringComparison.Ordinal))
            Assert.DoesNotContain("13312345678", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_rows_queues_and_pushes_never_carry_the_phone()
    {
        await using var board = await BoardClient.ConnectAsync(app, "dispatcher1", HttpTransportType.LongPolling);
        await board.JoinCommandCentreAsync();
        var acceptor = await app.SignInAsync("acceptor1");
        var id = await CallAsync(acceptor, "13212345678", "看板不显示号码");
        await OkAsync(acceptor, id, "accept");
        var filed = await OkAsync(await app.SignInAsync("shiftleader1"), id, "file");
        var number = filed.GetProperty("number").GetString();
        await CaseApi.WaitForStateAsync(acceptor, id, "Dispatched");

        var push = await board.WaitForAsync(p => p.GetProperty("number").GetString() == number, $"a push of case {number}");
        var commandBoard = await (await app.SignInAsync("dispatcher1")).GetStringAsync("/api/boards/command");
        var departmentBoard = await (await app.SignInAsync("handler.xs-traffic")).GetStringAsync("/api/boards/department/xs-traffic");

        Assert.Contains(number!, departmentBoard, StringComparison.Ordinal);
        foreach (var text in new[] { push.GetRawText(), commandBoard, departmentBoard })
        {
            Assert.DoesNotContain("13212345678", text, StringComparison.Ordinal);
            Assert.DoesNotContain("132****5678", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_closed_call_wanting_a_callback_is_on_the_call_list_with_the_phone_whole_for_acceptors()
    {
        var id = await ClosedCallAsync("13112345678", "待回访");

        var forAcceptor = await (await app.SignInAsync("acceptor1")).GetFromJsonAsync<JsonElement>("/api/cases/callbacks");
        var forShiftLeader = await (await app.SignInAsync("shiftleader1")).GetFromJsonAsync<JsonElement>("/api/cases/callbacks");

        var row = forAcceptor.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(("Closed", "13112345678", "xs-traffic"),
            (row.GetProperty("state").GetString(), row.GetProperty("callerPhone").GetString(), row.GetProperty("department").GetProperty("key").GetString()));
        Assert.Equal("131****5678", forShiftLeader.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id).GetProperty("callerPhone").GetString());
    }

    [Fact]
    public async Task An_unsatisfied_callback_reopens_the_case_with_its_department_as_rework_and_says_so_in_both_languages()
    {
        var id = await ClosedCallAsync("13012345678", "回访不满意");
        var acceptor = await app.SignInAsync("acceptor1");

        var reopened = await OkAsync(acceptor, id, "callback", new { satisfied = false, opinion = "摊位又回来了" });

        Assert.Equal(("Handling", 1, "xs-traffic", "Handle"),
            (reopened.GetProperty("state").GetString(), reopened.GetProperty("reworkCount").GetInt32(),
             reopened.GetProperty("department").GetProperty("key").GetString(), reopened.GetProperty("deadlineStage").GetString()));
        Assert.False(reopened.GetProperty("callbackSatisfied").GetBoolean());
        var row = reopened.GetProperty("trace").EnumerateArray().Last();
        Assert.Equal(("callback.unsatisfied", "xs-traffic", "摊位又回来了"),
            (row.GetProperty("code").GetString(), row.GetProperty("departmentKey").GetString(), row.GetProperty("opinion").GetString()));
        Assert.StartsWith("回访：不满意，退回", row.GetProperty("text").GetString(), StringComparison.Ordinal);
        using var english = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{id}");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await (await acceptor.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("Called back: not satisfied, sent back to ", inEnglish.GetProperty("trace").EnumerateArray().Last().GetProperty("text").GetString(), StringComparison.Ordinal);
        var list = await acceptor.GetFromJsonAsync<JsonElement>("/api/cases/callbacks");
        Assert.DoesNotContain(id, list.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        var handlerSees = await (await app.SignInAsync("handler.xs-traffic")).GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Contains("feedback", handlerSees.GetProperty("allowedActions").Strings());
    }

    [Fact]
    public async Task A_satisfied_callback_archives_the_case_and_takes_it_off_the_call_list()
    {
        var id = await ClosedCallAsync("15012345678", "回访满意");
        var acceptor = await app.SignInAsync("acceptor1");

        var archived = await OkAsync(acceptor, id, "callback", new { satisfied = true });

        Assert.Equal(("Archived", 0), (archived.GetProperty("state").GetString(), archived.GetProperty("reworkCount").GetInt32()));
        var list = await acceptor.GetFromJsonAsync<JsonElement>("/api/cases/callbacks");
        Assert.DoesNotContain(id, list.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task An_unsatisfied_callback_without_the_callers_words_is_refused_and_changes_nothing()
    {
        var id = await ClosedCallAsync("15112345678", "回访缺少意见");
        var before = await FootprintAsync(app, id);

        var response = await ActAsync(await app.SignInAsync("acceptor1"), id, "callback", new { satisfied = false });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("opinion", out _));
        Assert.Equal(before, await FootprintAsync(app, id));
        Assert.Equal("Closed", await app.QueryAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.State.ToString()).SingleAsync()));
    }
}
