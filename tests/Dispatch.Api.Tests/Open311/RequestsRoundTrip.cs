using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Dispatch.Api.Tests.Cases;
using Dispatch.Api.Tests.Lifecycle;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;
using static Dispatch.Api.Tests.Open311.Open311Api;

namespace Dispatch.Api.Tests.Open311;

/// <summary>
/// A request posted over Open311 is handled by the centre through the ordinary case actions, and the client follows it
/// through GET requests, GET a request, tokens and servicerequestupdates until it is closed.
/// </summary>
public sealed class RequestsRoundTrip(DispatchApp app) : IClassFixture<DispatchApp>
{
    private async Task<(string Number, Guid Id)> PostAsync(HttpClient client, string key, string description = "人行道上停了一辆车")
    {
        var xml = await XmlAsync(await client.PostAsync($"{Base}/requests.xml", Report(key, ("description", description))));
        var number = xml.Root!.Element("request")!.Element("service_request_id")!.Value;
        var id = await app.QueryAsync(db => db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync());
        return (number, id);
    }

    private static XElement Request(XDocument xml, string number) =>
        xml.Root!.Elements("request").Single(r => r.Element("service_request_id")!.Value == number);

    [Fact]
    public async Task A_report_goes_round_the_loop_and_the_client_sees_it_closed_through_requests_and_updates()
    {
        var key = await IssueKeyAsync(app, "round-trip");
        var client = app.Anonymous();
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        var (number, id) = await PostAsync(client, key);
        await TheFullLoop.IntakeHasSeenAsync(app, id);

        // Waiting for an acceptor: open, no description published yet, no department.
        var waiting = Request(await XmlAsync(await client.GetAsync($"{Base}/requests/{number}.xml?jurisdiction_id={Jurisdiction}")), number);
        Assert.Equal(("open", "已收到，等待受理员核实"), (waiting.Element("status")!.Value, waiting.Element("status_notes")!.Value));
        Assert.Null(waiting.Element("description"));
        Assert.Null(waiting.Element("agency_responsible"));
        Assert.Equal(("event-0505", "25.255", "110.29"), (waiting.Element("service_code")!.Value, waiting.Element("lat")!.Value, waiting.Element("long")!.Value));
        Assert.False(string.IsNullOrEmpty(waiting.Element("address")!.Value));
        Assert.False(string.IsNullOrEmpty(waiting.Element("address_id")!.Value));

        // The centre handles it with the ordinary case actions, as the demo staff.
        var acceptor = await app.SignInAsync("acceptor1");
        var shiftLeader = await app.SignInAsync("shiftleader1");
        var handler = await app.SignInAsync("handler.xs-traffic");
        var patroller = await app.SignInAsync("patroller1");
        await OkAsync(acceptor, id, "accept");
        var (_, conditionId) = await CaseApi.CategoryAsync(shiftLeader, "event", "0505");
        await OkAsync(shiftLeader, id, "file", new { conditionId, opinion = "立案" });
        await CaseApi.WaitForStateAsync(acceptor, id, "Dispatched");
        var signed = await OkAsync(handler, id, "sign");

        var handling = await JsonAsync(await client.GetAsync($"{Base}/requests/{number}.json"));
        var one = Assert.Single(handling.EnumerateArray());
        var department = signed.GetProperty("department").GetProperty("nameZh").GetString()!;
        Assert.Equal(("open", department), (one.GetProperty("status").GetString(), one.GetProperty("agency_responsible").GetString()));
        Assert.Equal($"{department}正在处置", one.GetProperty("status_notes").GetString());
        Assert.Equal("人行道上停了一辆车", one.GetProperty("description").GetString());
        Assert.Equal(signed.GetProperty("nextDeadline").Instant(), DateTimeOffset.Parse(one.GetProperty("expected_datetime").GetString()!, CultureInfo.InvariantCulture));
        Assert.Matches(@"\+08:00$", one.GetProperty("requested_datetime").GetString());
        Assert.DoesNotContain("13900000000", handling.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("李小明", handling.GetRawText(), StringComparison.Ordinal);

        await OkWithPhotoAsync(handler, id, "feedback", new Dictionary<string, string> { ["opinion"] = "已拖离" }, CaseApi.Png);
        await OkAsync(acceptor, id, "request-check");
        await OkAsync(patroller, id, "check", new { passed = true, opinion = "已整改" });
        await OkAsync(shiftLeader, id, "close", new { opinion = "结案" });

        // Closed, through the list with its filters, one request, and the token.
        var window = $"start_date={Uri.EscapeDataString(W3c(start))}&end_date={Uri.EscapeDataString(W3c(DateTimeOffset.UtcNow.AddMinutes(1)))}";
        var closed = Request(await XmlAsync(await client.GetAsync($"{Base}/requests.xml?status=closed&service_code=event-0505&{window}")), number);
        Assert.Equal(("closed", "已办结"), (closed.Element("status")!.Value, closed.Element("status_notes")!.Value));
        Assert.Null(closed.Element("expected_datetime"));
        var open = await XmlAsync(await client.GetAsync($"{Base}/requests.xml?status=open&{window}"));
        Assert.DoesNotContain(open.Root!.Elements("request"), r => r.Element("service_request_id")!.Value == number);
        var byId = await JsonAsync(await client.GetAsync($"{Base}/requests.json?service_request_id={number},NOPE&status=open"));
        Assert.Equal(("closed", number), (Assert.Single(byId.EnumerateArray()).GetProperty("status").GetString(), byId[0].GetProperty("service_request_id").GetString()));
        var token = await XmlAsync(await client.GetAsync($"{Base}/tokens/{id}.xml"));
        Assert.Equal((number, id.ToString()), (token.Root!.Element("request")!.Element("service_request_id")!.Value, token.Root.Element("request")!.Element("token")!.Value));

        // The updates: one per change of state, oldest first, ending closed; public words only.
        var updates = await XmlAsync(await client.GetAsync($"{Base}/servicerequestupdates.xml?{window}"));
        Assert.Equal("service_requests_updates", updates.Root!.Name.LocalName);
        var mine = updates.Root.Elements("request_update").Where(u => u.Element("service_request_id")!.Value == number).ToList();
        Assert.All(mine, u => Assert.Equal(["update_id", "service_request_id", "status", "updated_datetime", "description"], u.Elements().Select(e => e.Name.LocalName)));
        Assert.Equal(["open", "open", "open", "open", "open", "open", "open", "open", "closed"], mine.Select(u => u.Element("status")!.Value));
        Assert.Equal("已收到，等待受理员核实", mine[0].Element("description")!.Value);
        Assert.Equal("已办结", mine[^1].Element("description")!.Value);
        Assert.Equal(mine.Count, mine.Select(u => u.Element("update_id")!.Value).Distinct().Count());
        Assert.DoesNotContain(mine, u => u.Element("description")!.Value.Contains("已拖离", StringComparison.Ordinal));
        var jsonUpdates = await JsonAsync(await client.GetAsync($"{Base}/servicerequestupdates.json?{window}"));
        Assert.Equal(mine.Select(u => u.Element("update_id")!.Value),
            jsonUpdates.EnumerateArray().Where(u => u.GetProperty("service_request_id").GetString() == number).Select(u => u.GetProperty("update_id").GetString()));
    }

    [Theory]
    [InlineData("requests", "status=pending", "status")]
    [InlineData("requests", "start_date=2026-12-01", "start_date")]
    [InlineData("requests", "start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z", "90 days")]
    [InlineData("requests", "service_code=event-9999", "event-9999")]
    [InlineData("servicerequestupdates", "end_date=yesterday", "end_date")]
    public async Task Bad_filters_get_the_specs_error_answer(string resource, string query, string mentioned)
    {
        var response = await app.Anonymous().GetAsync($"{Base}/{resource}.json?{query}");

        Assert.Contains(mentioned, Assert.Single(await JsonErrorsAsync(response, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_request_or_token_is_a_404()
    {
        var client = app.Anonymous();

        Assert.Contains("NOPE", Assert.Single(await XmlErrorsAsync(await client.GetAsync($"{Base}/requests/NOPE.xml"), HttpStatusCode.NotFound)), StringComparison.Ordinal);
        Assert.Single(await JsonErrorsAsync(await client.GetAsync($"{Base}/tokens/{Guid.NewGuid()}.json"), HttpStatusCode.NotFound));
    }

    /// <summary>
    /// The calls FixMyStreet's Open311 client makes, byte for byte in shape: services.xml and services/&lt;code&gt;.xml with
    /// jurisdiction_id in the query; a form-encoded POST to requests.xml carrying jurisdiction_id and api_key in the body,
    /// email, first_name and last_name, description, attribute[...] fields; reading request/service_request_id from the
    /// answer; then requests.xml?service_request_id=... and servicerequestupdates.xml with start_date and end_date.
    /// </summary>
    [Fact]
    public async Task FixMyStreets_client_works_unchanged()
    {
        var key = await IssueKeyAsync(app, "fixmystreet");
        var client = app.Anonymous();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);

        var services = await XmlAsync(await client.GetAsync($"{Base}/services.xml?jurisdiction_id={Jurisdiction}"));
        var service = services.Root!.Elements("service").First(s => s.Element("service_code")!.Value == "component-0102");
        Assert.Equal("true", service.Element("metadata")!.Value);
        var meta = await XmlAsync(await client.GetAsync($"{Base}/services/component-0102.xml?jurisdiction_id={Jurisdiction}"));
        var value = meta.Root!.Element("attributes")!.Elements("attribute").Single(a => a.Element("code")!.Value == "condition")
            .Element("values")!.Elements("value").First().Element("key")!.Value;

        var post = await client.PostAsync($"{Base}/requests.xml", Form(
            ("jurisdiction_id", Jurisdiction), ("api_key", key),
            ("lat", Lat), ("long", Long), ("email", "resident@example.com"),
            ("description", "title:  井盖缺失\n\ndetail: 路口的污水井盖不见了\n\nurl: https://fms.example.com/report/1\n\nSubmitted via FixMyStreet\n"),
            ("service_code", "component-0102"), ("first_name", "Wei"), ("last_name", "Zhang"), ("phone", "+86 139 0000 0001"),
            ("media_url", "https://fms.example.com/photo/1.full.jpeg"),
            ("attribute[condition]", value), ("attribute[fixmystreet_id]", "1")));
        var created = await XmlAsync(post);
        var number = created.Root!.Element("request")!.Element("service_request_id")!.Value;
        Assert.NotEmpty(number);

        var requests = await XmlAsync(await client.GetAsync($"{Base}/requests.xml?service_request_id={number}&jurisdiction_id={Jurisdiction}"));
        Assert.Equal("open", Request(requests, number).Element("status")!.Value);
        var window = $"start_date={Uri.EscapeDataString(since.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))}"
            + $"&end_date={Uri.EscapeDataString(W3c(DateTimeOffset.UtcNow.AddMinutes(1)))}";
        var updates = await XmlAsync(await client.GetAsync($"{Base}/servicerequestupdates.xml?{window}&jurisdiction_id={Jurisdiction}"));
        var update = updates.Root!.Elements("request_update").Single(u => u.Element("service_request_id")!.Value == number);
        Assert.Equal("open", update.Element("status")!.Value);
        Assert.True(DateTimeOffset.TryParse(update.Element("updated_datetime")!.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

        var acceptor = await app.SignInAsync("acceptor1");
        var id = await app.QueryAsync(db => db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync());
        var seen = await acceptor.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(("Wei Zhang", "+86 139 0000 0001"), (seen.GetProperty("callerName").GetString(), seen.GetProperty("callerPhone").GetString()));
        Assert.Equal(Guid.Parse(value), seen.GetProperty("condition").GetProperty("id").GetGuid());
    }
}
