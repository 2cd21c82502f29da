using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Lifecycle;
using Dispatch.Domain.Cases;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Cases.Public.PublicApi;

namespace Dispatch.Api.Tests.Cases.Public;

/// <summary>公众上报 on the citizens' page: no account, a receipt with a secret link, and nothing stored for a bad report.</summary>
public sealed class ReportingPublicly(PublicApp app) : IClassFixture<PublicApp>
{
    [Fact]
    public async Task The_topics_are_plain_words_in_both_languages()
    {
        var topics = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/public/topics");

        var parking = topics.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "parking");
        Assert.Equal(("乱停车", "A car parked where it should not be"), (parking.GetProperty("nameZh").GetString(), parking.GetProperty("nameEn").GetString()));
        Assert.Contains(topics.EnumerateArray(), t => t.GetProperty("nameZh").GetString() == "井盖坏了或丢了");
        Assert.Contains(topics.EnumerateArray(), t => t.GetProperty("nameZh").GetString() == "路灯不亮");
    }

    [Fact]
    public async Task A_citizen_reports_without_an_account_and_the_report_waits_for_an_acceptor()
    {
        var citizen = app.Anonymous();

        var receipt = await ReportAsync(citizen, Form(phone: "139 1234 5678", addressText: "中山路菜市场东门"));

        Assert.Matches(@"^450304-\d{4}-\d{6}$", receipt.GetProperty("number").GetString());
        var token = receipt.Token();
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal($"/public/track/{token}", receipt.GetProperty("trackingPath").GetString());

        var number = receipt.GetProperty("number").GetString();
        var id = await app.QueryAsync(db => db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync());
        await TheFullLoop.IntakeHasSeenAsync(app, id);
        var acceptor = await app.SignInAsync("acceptor1");
        var waiting = await acceptor.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(("Reported", "public"), (waiting.GetProperty("state").GetString(), waiting.GetProperty("source").GetString()));
        Assert.Equal(("139 1234 5678", true), (waiting.GetProperty("callerPhone").GetString(), waiting.GetProperty("callbackWanted").GetBoolean()));
        Assert.Equal("中山路菜市场东门", waiting.GetProperty("addressText").GetString());
        Assert.Equal("event", (await app.QueryAsync(db => db.Categories.SingleAsync(c => c.Id == waiting.GetProperty("category").GetProperty("id").GetGuid()))).Kind.ToString().ToLowerInvariant());
        Assert.Equal("0505", waiting.GetProperty("category").GetProperty("code").GetString());
        Assert.Contains("accept", waiting.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Single(waiting.GetProperty("photos").EnumerateArray());
        var first = waiting.GetProperty("trace")[0];
        Assert.Equal(("public", "公众"), (first.GetProperty("role").GetString(), first.GetProperty("actorName").GetString()));

        // Only the token's hash is stored, nowhere the token itself.
        var link = await app.QueryAsync(db => db.TrackingLinks.SingleAsync(l => l.CaseId == id));
        Assert.Equal(TrackingLink.Hash(token), link.TokenHash);
        Assert.NotEqual(token, link.TokenHash);
    }

    [Fact]
    public async Task A_report_without_a_phone_wants_no_callback()
    {
        var receipt = await ReportAsync(app.Anonymous(), Form(topic: "garbage", description: "垃圾堆了三天"));

        var number = receipt.GetProperty("number").GetString();
        var c = await app.QueryAsync(db => db.Cases.SingleAsync(x => x.Number == number));
        Assert.Equal((false, null, CaseSource.Public), (c.CallbackWanted, c.CallerPhone, c.Source));
    }

    public static TheoryData<string, Func<MultipartFormDataContent>, int, string> BadReports => new()
    {
        { "no photo", () => NoPhoto(), 400, "photos" },
        { "a photo that is not an image", () => Form(photos: ("car.png", "not an image at all"u8.ToArray())), 415, "photos[0]" },
        { "an empty photo", () => Form(photos: ("car.png", [])), 400, "photos[0]" },
        { "a longitude that is not a number", () => WithField(Form(longitude: null), "longitude", "east"), 400, "longitude" },
        { "a latitude past the pole", () => Form(latitude: 91), 400, "latitude" },
        { "no point at all", () => Form(longitude: null, latitude: null), 400, "longitude" },
        { "a point outside the managed area", () => Form(longitude: 116.39, latitude: 39.91), 422, "longitude" },
        { "a phone number that is not one", () => Form(phone: "call me maybe"), 400, "phone" },
        { "an unknown topic", () => Form(topic: "dragons"), 400, "topic" },
        { "no topic", () => Form(topic: null), 400, "topic" },
        { "a description over 2000 characters", () => Form(description: new string('车', 2001)), 400, "description" },
        { "an address over 200 characters", () => Form(addressText: new string('路', 201)), 400, "addressText" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task A_bad_report_is_refused_naming_the_field_and_stores_nothing(string why, Func<MultipartFormDataContent> form, int status, string field)
    {
        var before = await CountsAsync();

        var response = await app.Anonymous().PostAsync("/api/public/reports", form());

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{why}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{why}: {text}");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_json_body_is_refused_as_the_wrong_media_type()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/public/reports", new { topic = "parking" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_phone_number_sends_only_a_few_reports_then_gets_429_with_Retry_After()
    {
        var citizen = app.Anonymous();
        for (var i = 0; i < PublicApp.ReportsPerPhone; i++)
            await ReportAsync(citizen, Form(phone: "13700000001", description: $"第{i + 1}次"));
        var before = await CountsAsync();

        // The same number written differently is the same number.
        var response = await citizen.PostAsync("/api/public/reports", Form(phone: "137-0000-0001", description: "再来一次"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, response.Headers.RetryAfter?.ToString());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("phone", out _), problem.ToString());
        Assert.Equal(before, await CountsAsync());

        // Another number from the same client is not held back.
        await ReportAsync(citizen, Form(phone: "13700000002"));
    }

    private static MultipartFormDataContent NoPhoto()
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("parking"), "topic" },
            { new StringContent("110.29"), "longitude" },
            { new StringContent("25.255"), "latitude" },
        };
        return form;
    }

    private static MultipartFormDataContent WithField(MultipartFormDataContent form, string name, string value)
    {
        form.Add(new StringContent(value), name);
        return form;
    }

    private async Task<(int Cases, int Links, int Traces, int Photos, int Files)> CountsAsync()
    {
        var files = Directory.Exists(app.PhotoPath) ? Directory.EnumerateFiles(app.PhotoPath, "*", SearchOption.AllDirectories).Count() : 0;
        return await app.QueryAsync(async db =>
            (await db.Cases.CountAsync(), await db.TrackingLinks.CountAsync(), await db.CaseTraces.CountAsync(), await db.CasePhotos.CountAsync(), files));
    }
}

/// <summary>The per-client limit: one address sends only so many reports in a window.</summary>
public sealed class PublicClientLimit(TightClientLimitApp app) : IClassFixture<TightClientLimitApp>
{
    [Fact]
    public async Task A_client_sends_only_a_few_reports_then_gets_429_with_Retry_After()
    {
        var citizen = app.Anonymous();
        await ReportAsync(citizen, Form(phone: "13600000001"));
        await ReportAsync(citizen, Form(phone: "13600000002"));

        var response = await citizen.PostAsync("/api/public/reports", Form(phone: "13600000003"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("client", out _), problem.ToString());
        Assert.Equal(2, await app.QueryAsync(db => db.Cases.CountAsync(c => c.Source == CaseSource.Public)));
    }
}
