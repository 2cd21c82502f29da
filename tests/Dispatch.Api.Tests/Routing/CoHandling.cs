using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using static Dispatch.Api.Tests.Routing.RoutingApi;

namespace Dispatch.Api.Tests.Routing;

/// <summary>主办/协办: one lead department answers for a case; the dispatcher may name departments that assist it.</summary>
public sealed class CoHandling(DispatchApp app) : IClassFixture<DispatchApp>
{
    private static object Assisting(string? opinion, params string[] keys) => new { assistingDepartmentKeys = keys, opinion };

    private static string[] Keys(params string[] keys) => keys;

    private static string[] Keys(JsonElement c) =>
        c.GetProperty("assistingDepartments").EnumerateArray().Select(d => d.GetProperty("key").GetString()!).ToArray();

    private static async Task<bool> OnBoardAsync(HttpClient handler, string department, Guid id) =>
        (await OkAsync(await handler.GetAsync($"/api/boards/department/{department}"))).GetProperty("cases").EnumerateArray()
            .Any(c => c.GetProperty("id").GetGuid() == id);

    [Fact]
    public async Task Assisting_departments_see_the_case_on_their_boards_while_only_the_lead_acts_on_it()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var id = await ReportAsync(patroller, categoryId, Xiangshan, "机动车占用消防通道，需执法配合");
        Assert.Equal("xs-traffic", await RoutedToAsync(patroller, id));
        var dispatcher = await app.SignInAsync("dispatcher1");

        var assisted = await OkAsync(await dispatcher.PostAsJsonAsync($"/api/cases/{id}/assist",
            Assisting("街道与执法局协助疏导", "xs-st-xiangshan", "xs-enforcement")));

        Assert.Equal(["xs-enforcement", "xs-st-xiangshan"], Keys(assisted));
        Assert.Equal("xs-traffic", assisted.GetProperty("department").GetProperty("key").GetString());
        var row = assisted.GetProperty("trace").EnumerateArray().Last();
        Assert.Equal("assist", row.GetProperty("action").GetString());
        Assert.Equal(("assist", "街道与执法局协助疏导"), (row.GetProperty("code").GetString(), row.GetProperty("opinion").GetString()));
        Assert.StartsWith("协办单位：", row.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("xs-", row.GetProperty("text").GetString(), StringComparison.Ordinal);
        var helper = await app.SignInAsync("handler.xs-enforcement");
        Assert.Equal(HttpStatusCode.OK, (await helper.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.True(await OnBoardAsync(helper, "xs-enforcement", id));
        // The lead signs for the case; an assisting department cannot.
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.PostAsJsonAsync($"/api/cases/{id}/sign", new { })).StatusCode);
        var lead = await app.SignInAsync("handler.xs-traffic");
        await OkAsync(await lead.PostAsJsonAsync($"/api/cases/{id}/sign", new { }));

        var ended = await OkAsync(await dispatcher.PostAsJsonAsync($"/api/cases/{id}/assist", new { assistingDepartmentKeys = Array.Empty<string>() }));
        Assert.Empty(Keys(ended));
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.False(await OnBoardAsync(helper, "xs-enforcement", id));
    }

    [Fact]
    public async Task A_returned_case_loses_its_helpers_and_a_dispatcher_names_lead_and_helpers_in_one_dispatch()
    {
        var patroller = await app.SignInAsync("patroller2");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var id = await ReportAsync(patroller, categoryId, Nanmen, "车辆压坏人行道");
        Assert.Equal("xs-traffic", await RoutedToAsync(patroller, id));
        var dispatcher = await app.SignInAsync("dispatcher1");
        await OkAsync(await dispatcher.PostAsJsonAsync($"/api/cases/{id}/assist", Assisting(null, "xs-municipal")));

        var lead = await app.SignInAsync("handler.xs-traffic");
        var returned = await OkAsync(await lead.PostAsJsonAsync($"/api/cases/{id}/return", new { reason = "主要是人行道破损，应由市政处置" }));
        Assert.Empty(Keys(returned));

        var redispatched = await OkAsync(await dispatcher.PostAsJsonAsync($"/api/cases/{id}/dispatch",
            new { departmentKey = "xs-municipal", assistingDepartmentKeys = Keys("xs-traffic") }));
        Assert.Equal("xs-municipal", redispatched.GetProperty("department").GetProperty("key").GetString());
        Assert.Equal(["xs-traffic"], Keys(redispatched));
        Assert.True(await OnBoardAsync(lead, "xs-traffic", id));
    }

    [Fact]
    public async Task Bad_co_handling_is_refused_naming_the_field()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var id = await ReportAsync(patroller, categoryId, Pingshan, "乱停放");
        Assert.Equal("xs-traffic", await RoutedToAsync(patroller, id));
        var dispatcher = await app.SignInAsync("dispatcher1");

        Assert.Equal(["assistingDepartmentKeys"], ErrorFields(await ProblemAsync(await dispatcher.PostAsJsonAsync($"/api/cases/{id}/assist", new { }), HttpStatusCode.BadRequest)));
        Assert.Equal(["assistingDepartmentKeys"], ErrorFields(await ProblemAsync(await dispatcher.PostAsJsonAsync($"/api/cases/{id}/assist",
            Assisting(null, "no-such-dept")), HttpStatusCode.BadRequest)));
        Assert.Equal(["assistingDepartmentKeys"], ErrorFields(await ProblemAsync(await dispatcher.PostAsJsonAsync($"/api/cases/{id}/assist",
            Assisting(null, "xs-traffic")), HttpStatusCode.BadRequest)));
        Assert.Equal(["assistingDepartmentKeys"], ErrorFields(await ProblemAsync(await dispatcher.PostAsJsonAsync($"/api/cases/{id}/assist",
            Assisting(null, "xs-municipal", "xs-municipal")), HttpStatusCode.BadRequest)));
        var handler = await app.SignInAsync("handler.xs-traffic");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsJsonAsync($"/api/cases/{id}/assist",
            Assisting(null, "xs-municipal"))).StatusCode);
        var unchanged = await OkAsync(await dispatcher.GetAsync($"/api/cases/{id}"));
        Assert.Empty(Keys(unchanged));
        Assert.DoesNotContain(unchanged.GetProperty("trace").EnumerateArray(), t => t.GetProperty("action").GetString() == "assist");
    }
}
