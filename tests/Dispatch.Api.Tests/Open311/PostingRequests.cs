using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Lifecycle;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Open311.Open311Api;

namespace Dispatch.Api.Tests.Open311;

/// <summary>
/// POST requests: with a valid api_key a report becomes a case of the public source that waits for an acceptor, with
/// the reporter as its caller; every refusal is the specification's error answer and stores nothing.
/// </summary>
public sealed class PostingRequests(DispatchApp app) : IClassFixture<DispatchApp>
{
    private Task<int> CasesAsync() => app.QueryAsync(db => db.Cases.CountAsync());

    [Fact]
    public async Task A_report_with_a_key_becomes_a_public_case_waiting_for_an_acceptor_in_xml()
    {
        var key = await IssueKeyAsync(app, "xml-client");
        var client = app.Anonymous();
        var condition = (await XmlAsync(await client.GetAsync($"{Base}/services/event-0505.xml"))).Root!
            .Descendants("value").First().Element("key")!.Value;

        var xml = await XmlAsync(await client.PostAsync($"{Base}/requests.xml",
            Report(key, ("attribute[condition]", condition), ("media_url", "https://photos.example.com/p/1.jpg"), ("address_string", "南门路 12 号门口"))));

        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var request = Assert.Single(xml.Root.Elements());
        Assert.Equal("request", request.Name.LocalName);
        Assert.Null(request.Element("token"));
        var number = request.Element("service_request_id")!.Value;
        Assert.False(string.IsNullOrEmpty(request.Element("service_notice")!.Value));

        var stored = await app.QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Number == number));
        await TheFullLoop.IntakeHasSeenAsync(app, stored.Id);
        var acceptor = await app.SignInAsync("acceptor1");
        var seen = await acceptor.GetFromJsonAsync<JsonElement>($"/api/cases/{stored.Id}");
        Assert.Equal(("Reported", "public"), (seen.GetProperty("state").GetString(), seen.GetProperty("source").GetString()));
        Assert.Equal(("李小明", "13900000000"), (seen.GetProperty("callerName").GetString(), seen.GetProperty("callerPhone").GetString()));
        Assert.Equal(Guid.Parse(condition), seen.GetProperty("condition").GetProperty("id").GetGuid());
        Assert.Contains("https://photos.example.com/p/1.jpg", seen.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("open311:xml-client", stored.ReportedBy);
        Assert.Equal(("南门路 12 号门口", true), (stored.AddressText, stored.CallbackWanted));
        var published = (await XmlAsync(await client.GetAsync($"{Base}/requests/{number}.xml"))).Root!.Element("request")!;
        Assert.Equal("南门路 12 号门口", published.Element("address")!.Value);
    }

    [Fact]
    public async Task A_report_in_json_answers_an_array_with_the_service_request_id()
    {
        var key = await IssueKeyAsync(app, "json-client");

        var json = await JsonAsync(await app.Anonymous().PostAsync($"{Base}/requests.json", Report(key)));

        var number = Assert.Single(json.EnumerateArray()).GetProperty("service_request_id").GetString();
        Assert.True(await app.QueryAsync(db => db.Cases.AnyAsync(c => c.Number == number && c.Source == Domain.Cases.CaseSource.Public)));
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Without_a_key_or_with_a_bad_or_revoked_one_the_answer_is_403_and_nothing_is_stored(string format)
    {
        var revoked = await IssueKeyAsync(app, $"revoked-{format}");
        var admin = await app.SignInAsync("admin");
        var keys = await admin.GetFromJsonAsync<JsonElement>("/api/admin/open311/keys");
        var id = keys.EnumerateArray().Single(k => k.GetProperty("name").GetString() == $"revoked-{format}").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/open311/keys/{id}/revoke", null)).StatusCode);
        var before = await CasesAsync();
        var client = app.Anonymous();

        foreach (var key in new[] { null, "o311_not-a-key", revoked })
        {
            var response = await client.PostAsync($"{Base}/requests.{format}", Report(key));
            var errors = format == "xml"
                ? await XmlErrorsAsync(response, HttpStatusCode.Forbidden)
                : await JsonErrorsAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains("api_key", Assert.Single(errors), StringComparison.Ordinal);
        }
        Assert.Equal(before, await CasesAsync());
    }

    public static TheoryData<string, string, (string, string?)[], HttpStatusCode, string> BadReports => new()
    {
        { "xml", "an unknown service code", [("service_code", "event-9999")], HttpStatusCode.NotFound, "event-9999" },
        { "json", "an unknown service code", [("service_code", "0505")], HttpStatusCode.NotFound, "0505" },
        { "xml", "no service code", [("service_code", null)], HttpStatusCode.BadRequest, "service_code" },
        { "xml", "a latitude that is not a number", [("lat", "north")], HttpStatusCode.BadRequest, "lat" },
        { "json", "a longitude out of range", [("long", "190")], HttpStatusCode.BadRequest, "long" },
        { "json", "no coordinates, only an address", [("lat", null), ("long", null), ("address_string", "南门路 1 号")], HttpStatusCode.BadRequest, "address_string" },
        { "xml", "a latitude without a longitude", [("long", null)], HttpStatusCode.BadRequest, "long" },
        { "xml", "a point outside the managed area", [("lat", "39.9042"), ("long", "116.4074")], HttpStatusCode.BadRequest, "outside the managed area" },
        { "json", "a point outside the managed area", [("lat", "39.9042"), ("long", "116.4074")], HttpStatusCode.BadRequest, "outside the managed area" },
        { "xml", "a condition of another service", [("attribute[condition]", "not-a-condition")], HttpStatusCode.BadRequest, "attribute[condition]" },
        { "json", "two values for a single-value list", [("attribute[condition][]", "缺失"), ("attribute[condition]", "破损")], HttpStatusCode.BadRequest, "attribute[condition]" },
        { "xml", "a phone number that is not one", [("phone", "call me")], HttpStatusCode.BadRequest, "phone" },
        { "json", "a description over 2000 characters", [("description", new string('长', 2001))], HttpStatusCode.BadRequest, "description" },
        { "json", "an address_string over 200 characters", [("address_string", new string('路', 201))], HttpStatusCode.BadRequest, "address_string" },
        { "xml", "a media_url that is not a URL", [("media_url", "photo.jpg")], HttpStatusCode.BadRequest, "media_url" },
        { "json", "another jurisdiction", [("jurisdiction_id", "another.city.gov")], HttpStatusCode.NotFound, "jurisdiction_id" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task A_bad_report_gets_the_specs_error_answer_and_stores_nothing(string format, string why, (string, string?)[] changes,
        HttpStatusCode status, string mentioned)
    {
        var key = await IssueKeyAsync(app, $"bad-{Guid.NewGuid():N}");
        var before = await CasesAsync();

        var response = await app.Anonymous().PostAsync($"{Base}/requests.{format}", Report(key, changes));

        var errors = format == "xml" ? await XmlErrorsAsync(response, status) : await JsonErrorsAsync(response, status);
        Assert.True(errors.Any(e => e.Contains(mentioned, StringComparison.Ordinal)), $"{why}: {string.Join(" | ", errors)}");
        Assert.Equal(before, await CasesAsync());
    }

    [Fact]
    public async Task A_report_that_is_not_a_form_is_refused()
    {
        var key = await IssueKeyAsync(app, "json-body-client");
        var before = await CasesAsync();

        var response = await app.Anonymous().PostAsJsonAsync($"{Base}/requests.json", new { api_key = key, service_code = "event-0505" });

        Assert.Contains("x-www-form-urlencoded", Assert.Single(await JsonErrorsAsync(response, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        Assert.Equal(before, await CasesAsync());
    }

    /// <summary>
    /// The host's edge refuses a body over 64 KB before any endpoint runs, in its own problem+json (the one answer not in
    /// the specification's form; docs/api.md says so); a chunked body without a length is cut at the same size by the
    /// endpoint, which answers in the specification's form.
    /// </summary>
    [Fact]
    public async Task A_form_over_the_size_limit_is_a_413_and_stores_nothing()
    {
        var key = await IssueKeyAsync(app, "large-client");
        var before = await CasesAsync();
        var client = app.Anonymous();

        var withLength = await client.PostAsync($"{Base}/requests.json", Report(key, ("description", new string('x', 70_000))));
        var chunked = new StreamContent(await Report(key, ("description", new string('y', 70_000))).ReadAsStreamAsync());
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/requests.xml") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var withoutLength = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
        Assert.Single(await XmlErrorsAsync(withoutLength, HttpStatusCode.RequestEntityTooLarge));
        Assert.Equal(before, await CasesAsync());
    }

    [Fact]
    public async Task Posting_updates_is_refused_in_the_specs_form()
    {
        var key = await IssueKeyAsync(app, "updates-client");

        var response = await app.Anonymous().PostAsync($"{Base}/servicerequestupdates.xml",
            Form(("api_key", key), ("service_request_id", "1"), ("description", "still there"), ("status", "OPEN")));

        Assert.Contains("does not take them", Assert.Single(await XmlErrorsAsync(response, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
    }
}
