using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Lifecycle;
using Dispatch.Domain.Cases;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Cases.Public.PublicApi;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Cases.Public;

/// <summary>查询进度 and 公众评价 through the receipt's secret link: public progress only, and one rating of a done case.</summary>
public sealed class TrackingPublicly(PublicApp app) : IClassFixture<PublicApp>
{
    /// <summary>A different image from the report's, so the after-photo can be told from the before-photo by its bytes.</summary>
    private static readonly byte[] AfterPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task The_link_shows_each_public_step_and_never_people_phones_or_opinions()
    {
        var citizen = app.Anonymous();
        var receipt = await ReportAsync(citizen, Form(phone: "13512345678", description: "车停在盲道上"));
        var token = receipt.Token();

        var received = await TrackAsync(citizen, token);
        Assert.Equal(("received", "车停在盲道上"), (received.GetProperty("status").GetString(), received.GetProperty("description").GetString()));
        Assert.Equal(receipt.GetProperty("number").GetString(), received.GetProperty("number").GetString());
        Assert.Equal("机动车乱停放", received.GetProperty("categoryNameZh").GetString());
        Assert.False(received.GetProperty("canRate").GetBoolean());
        var before = received.GetProperty("photos").EnumerateArray().Single();
        Assert.Equal("before", before.GetProperty("stage").GetString());
        Assert.Equal(CaseApi.Png, await citizen.GetByteArrayAsync(before.GetProperty("url").GetString()));

        var id = await CaseIdAsync(receipt);
        var acceptor = await app.SignInAsync("acceptor1");
        var shiftLeader = await app.SignInAsync("shiftleader1");
        var handler = await app.SignInAsync("handler.xs-traffic");
        var patroller = await app.SignInAsync("patroller1");
        await TheFullLoop.IntakeHasSeenAsync(app, id);
        await OkAsync(acceptor, id, "accept", new { opinion = "受理员内部意见" });
        Assert.Equal("verifying", (await TrackAsync(citizen, token)).GetProperty("status").GetString());
        await OkAsync(shiftLeader, id, "file", new { opinion = "值班长内部意见" });
        await CaseApi.WaitForStateAsync(acceptor, id, "Dispatched");

        var handling = await TrackAsync(citizen, token);
        Assert.Equal("handling", handling.GetProperty("status").GetString());
        var step = handling.GetProperty("steps").EnumerateArray().Last();
        var department = step.GetProperty("department");
        Assert.Equal(["nameEn", "nameZh"], department.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal((await app.QueryAsync(db => db.Departments.SingleAsync(d => d.Key == "xs-traffic"))).NameZh, department.GetProperty("nameZh").GetString());

        await OkAsync(handler, id, "sign");
        await OkWithPhotoAsync(handler, id, "feedback", new Dictionary<string, string> { ["opinion"] = "处置人员内部意见" }, AfterPng);
        // The result photo shows only once the case is done.
        Assert.Single((await TrackAsync(citizen, token)).GetProperty("photos").EnumerateArray());
        await OkAsync(acceptor, id, "request-check");
        await OkAsync(patroller, id, "check", new { passed = true, opinion = "监督员内部意见" });
        await OkAsync(shiftLeader, id, "close", new { opinion = "结案内部意见" });

        var response = await citizen.GetAsync($"/api/public/track/{token}");
        var text = await response.Content.ReadAsStringAsync();
        var done = JsonDocument.Parse(text).RootElement;
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal(["received", "verifying", "handling", "done"], done.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        var times = done.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.True(done.GetProperty("canRate").GetBoolean());
        var after = done.GetProperty("photos").EnumerateArray().Single(p => p.GetProperty("stage").GetString() == "after");
        Assert.Equal(AfterPng, await citizen.GetByteArrayAsync(after.GetProperty("url").GetString()));
        Assert.StartsWith($"/api/public/track/{token}/photos/", after.GetProperty("url").GetString());

        // Nothing internal: no people, no phone, no department key, no opinion.
        foreach (var secret in new[] { "acceptor1", "shiftleader1", "handler.xs-traffic", "patroller1", "xs-traffic", "13512345678", "内部意见" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reporter_rates_a_done_case_once_as_a_trace_row_that_reopens_nothing()
    {
        var citizen = app.Anonymous();
        var receipt = await ReportAsync(citizen, Form(description: "要评价的案件"));
        var token = receipt.Token();
        var id = await CaseIdAsync(receipt);

        var early = await citizen.PostAsJsonAsync($"/api/public/track/{token}/rating", new { satisfied = true });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        await CloseAsync(id);
        var noAnswer = await citizen.PostAsJsonAsync($"/api/public/track/{token}/rating", new { words = "?" });
        Assert.Equal(HttpStatusCode.BadRequest, noAnswer.StatusCode);
        Assert.True((await noAnswer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("satisfied", out _));
        var tooLong = await citizen.PostAsJsonAsync($"/api/public/track/{token}/rating", new { satisfied = false, words = new string('慢', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        var rated = await citizen.PostAsJsonAsync($"/api/public/track/{token}/rating", new { satisfied = false, words = "修得太慢了" });

        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        var progress = await rated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(progress.GetProperty("canRate").GetBoolean());
        Assert.Equal((false, "修得太慢了"), (progress.GetProperty("rating").GetProperty("satisfied").GetBoolean(), progress.GetProperty("rating").GetProperty("words").GetString()));

        var again = await citizen.PostAsJsonAsync($"/api/public/track/{token}/rating", new { satisfied = true });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var acceptor = await app.SignInAsync("acceptor1");
        var seen = await acceptor.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal("Closed", seen.GetProperty("state").GetString());
        var row = seen.GetProperty("trace").EnumerateArray().Last();
        Assert.Equal(("rate", TraceCodes.RateUnsatisfied, "修得太慢了", "公众评价：不满意"),
            (row.GetProperty("action").GetString(), row.GetProperty("code").GetString(), row.GetProperty("opinion").GetString(), row.GetProperty("text").GetString()));
        Assert.Equal(("Closed", "Closed"), (row.GetProperty("fromState").GetString(), row.GetProperty("toState").GetString()));
        Assert.Equal(1, await app.QueryAsync(db => db.CaseTraces.CountAsync(t => t.CaseId == id && t.Action == "rate")));
    }

    [Fact]
    public async Task An_unknown_malformed_or_forged_token_is_404_and_photos_stay_with_their_token()
    {
        var citizen = app.Anonymous();
        var receipt = await ReportAsync(citizen, Form());
        var token = receipt.Token();
        var other = await ReportAsync(citizen, Form(description: "另一件"));
        var otherPhoto = (await TrackAsync(citizen, other.Token())).GetProperty("photos")[0].GetProperty("url").GetString()!;
        var forged = (token[0] == 'A' ? "B" : "A") + token[1..];
        var random = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        foreach (var path in new[]
        {
            $"/api/public/track/{forged}", $"/api/public/track/{random}", "/api/public/track/abc",
            $"/api/public/track/{TrackingLink.Hash(token)}",
            $"/api/public/track/{token}/photos/{Guid.NewGuid()}",
            otherPhoto.Replace(other.Token(), token, StringComparison.Ordinal),
        })
        {
            var response = await citizen.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        var rating = await citizen.PostAsJsonAsync($"/api/public/track/{forged}/rating", new { satisfied = true });
        Assert.Equal(HttpStatusCode.NotFound, rating.StatusCode);
    }

    private static async Task<JsonElement> TrackAsync(HttpClient client, string token) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/public/track/{token}");

    private Task<Guid> CaseIdAsync(JsonElement receipt)
    {
        var number = receipt.GetProperty("number").GetString();
        return app.QueryAsync(db => db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync());
    }

    private async Task CloseAsync(Guid id)
    {
        var acceptor = await app.SignInAsync("acceptor1");
        var shiftLeader = await app.SignInAsync("shiftleader1");
        var handler = await app.SignInAsync("handler.xs-traffic");
        var patroller = await app.SignInAsync("patroller1");
        await TheFullLoop.IntakeHasSeenAsync(app, id);
        await OkAsync(acceptor, id, "accept");
        await OkAsync(shiftLeader, id, "file");
        await CaseApi.WaitForStateAsync(acceptor, id, "Dispatched");
        await OkAsync(handler, id, "sign");
        await OkWithPhotoAsync(handler, id, "feedback", new Dictionary<string, string> { ["opinion"] = "已处理" }, AfterPng);
        await OkAsync(acceptor, id, "request-check");
        await OkAsync(patroller, id, "check", new { passed = true });
        await OkAsync(shiftLeader, id, "close");
    }
}
