using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Lifecycle;

/// <summary>Every case records its source; the intake policy decides per source whether the system accepts and files it.</summary>
public sealed class IntakeBySource(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Fact]
    public async Task A_hotline_report_entered_by_an_acceptor_waits_at_Reported_with_its_caller()
    {
        var acceptor = await app.SignInAsync("acceptor1");

        var created = await HotlineReportAsync(acceptor);
        var id = created.GetProperty("id").GetGuid();
        await TheFullLoop.IntakeHasSeenAsync(app, id);

        var waiting = await acceptor.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(("Reported", "hotline", 1), (waiting.GetProperty("state").GetString(), waiting.GetProperty("source").GetString(), waiting.GetProperty("version").GetInt32()));
        Assert.Equal(("张先生", "138 0000 0000"), (waiting.GetProperty("callerName").GetString(), waiting.GetProperty("callerPhone").GetString()));
        Assert.Equal(("Accept", "Green"), (waiting.GetProperty("deadlineStage").GetString(), waiting.GetProperty("light").GetString()));
    }

    [Fact]
    public async Task A_patrol_report_is_accepted_and_filed_by_the_system()
    {
        var patroller = await app.SignInAsync("patroller1");

        var id = await DispatchedPatrolCaseAsync(patroller, "patrol intake");

        var c = await patroller.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal("patrol", c.GetProperty("source").GetString());
        Assert.Equal(["system", "system"], c.GetProperty("trace").EnumerateArray().Skip(1).Take(2).Select(t => t.GetProperty("role").GetString()));
    }

    [Theory]
    [InlineData("public")]
    [InlineData("leader")]
    [InlineData("media")]
    public async Task An_acceptor_records_other_sources_too(string source)
    {
        var acceptor = await app.SignInAsync("acceptor1");
        var (categoryId, _) = await CaseApi.CategoryAsync(acceptor, "event", "0505");

        var response = await acceptor.SendAsync(CaseApi.Json(new { categoryId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = source, source }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(source, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("source").GetString());
    }

    public static TheoryData<string, string, object, string> BadSources => new()
    {
        { "acceptor1", "hotline without the caller's phone", new { source = "hotline", callerName = "张先生" }, "callerPhone" },
        { "acceptor1", "hotline without the caller's name", new { source = "hotline", callerPhone = "13800000000" }, "callerName" },
        { "acceptor1", "a phone number that is not one", new { source = "hotline", callerName = "张先生", callerPhone = "call me" }, "callerPhone" },
        { "acceptor1", "a caller's name over 64 characters", new { source = "hotline", callerName = new string('张', 65), callerPhone = "13800000000" }, "callerName" },
        { "acceptor1", "an unknown source", new { source = "pigeon" }, "source" },
        { "acceptor1", "an acceptor entering a patrol report", new { source = "patrol" }, "source" },
        { "acceptor1", "an acceptor claiming a fix on the spot", new { selfHandled = true }, "selfHandled" },
        { "patroller1", "a patroller entering a hotline call", new { source = "hotline", callerName = "张先生", callerPhone = "13800000000" }, "source" },
        { "patroller1", "a patroller naming a caller", new { callerPhone = "13800000000" }, "callerPhone" },
        { "acceptor1", "an address text over 200 characters", new { source = "hotline", callerName = "张先生", callerPhone = "13800000000", addressText = new string('路', 201) }, "addressText" },
        { "acceptor1", "a callback without the caller's phone", new { source = "public", callbackWanted = true }, "callerPhone" },
        { "acceptor1", "a callback for a leader's assignment", new { source = "leader", callbackWanted = true, callerPhone = "13800000000" }, "callbackWanted" },
        { "patroller1", "a patroller asking for a callback", new { callbackWanted = true }, "callbackWanted" },
    };

    [Fact]
    public async Task A_hotline_report_keeps_its_address_text_and_callback_wish()
    {
        var acceptor = await app.SignInAsync("acceptor1");
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(acceptor, "event", "0505");

        var response = await acceptor.SendAsync(CaseApi.Json(new
        {
            categoryId, conditionId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "来电反映占道",
            source = "hotline", callerName = "李女士", callerPhone = "13912345678", addressText = "  中山路菜市场东门  ", callbackWanted = true,
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stored = await acceptor.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(("中山路菜市场东门", true), (stored.GetProperty("addressText").GetString(), stored.GetProperty("callbackWanted").GetBoolean()));
    }

    [Theory]
    [MemberData(nameof(BadSources))]
    public async Task A_report_with_a_bad_source_or_caller_is_refused_and_stores_nothing(string user, string why, object extra, string field)
    {
        var client = await app.SignInAsync(user);
        var (categoryId, _) = await CaseApi.CategoryAsync(client, "event", "0505");
        var body = JsonSerializer.SerializeToNode(extra, JsonSerializerOptions.Web)!.AsObject();
        body["categoryId"] = categoryId;
        body["longitude"] = CaseApi.Longitude;
        body["latitude"] = CaseApi.Latitude;
        body["description"] = why;
        var before = await app.QueryAsync(db => db.Cases.CountAsync());

        var response = await client.SendAsync(CaseApi.Json(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode} {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{why}: {text}");
        Assert.Equal(before, await app.QueryAsync(db => db.Cases.CountAsync()));
    }
}

/// <summary>A host whose intake policy accepts (but does not file) hotline reports of illegal parking only.</summary>
public sealed class HotlineParkingAcceptedApp : DispatchApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Intake:Rules:0:Source", "patrol");
        builder.UseSetting("Intake:Rules:0:AutoAccept", "true");
        builder.UseSetting("Intake:Rules:0:AutoFile", "true");
        builder.UseSetting("Intake:Rules:1:Source", "hotline");
        builder.UseSetting("Intake:Rules:1:Category", "event:0505");
        builder.UseSetting("Intake:Rules:1:AutoAccept", "true");
    }
}

public sealed class ConfiguredIntakePolicy(HotlineParkingAcceptedApp app) : IClassFixture<HotlineParkingAcceptedApp>
{
    [Fact]
    public async Task The_policy_applies_per_source_and_category()
    {
        var acceptor = await app.SignInAsync("acceptor1");

        var parking = (await HotlineReportAsync(acceptor, "0505")).GetProperty("id").GetGuid();
        var garbage = (await HotlineReportAsync(acceptor, "0102", "来电反映垃圾")).GetProperty("id").GetGuid();

        await CaseApi.WaitForStateAsync(acceptor, parking, "ToFile");
        await TheFullLoop.IntakeHasSeenAsync(app, garbage);
        Assert.Equal("Reported", (await acceptor.GetFromJsonAsync<JsonElement>($"/api/cases/{garbage}")).GetProperty("state").GetString());
    }
}
