using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Tests.Cases;

public sealed class ReportingACase(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Fact]
    public async Task A_patrol_report_is_stored_then_filed_and_dispatched_to_its_categorys_department()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(patroller, "event", "0505");

        var response = await patroller.SendAsync(CaseApi.Json(new
        {
            categoryId, conditionId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "人行道上停了一辆车",
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches(@"^450304-\d{4}-\d{6}$", created.GetProperty("number").GetString());
        Assert.Equal($"/api/cases/{created.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);

        var dispatched = await CaseApi.WaitForStateAsync(patroller, created.GetProperty("id").GetGuid(), "Dispatched");
        Assert.Equal("xs-traffic", dispatched.GetProperty("department").GetProperty("key").GetString());
        Assert.Equal("patrol", dispatched.GetProperty("source").GetString());
        var trace = dispatched.GetProperty("trace").EnumerateArray().ToList();
        Assert.Equal(["report", "accept", "file", "dispatch"], trace.Select(t => t.GetProperty("action").GetString()));
        Assert.Equal(["Reported", "ToFile", "ToDispatch", "Dispatched"], trace.Select(t => t.GetProperty("toState").GetString()));
        Assert.Equal("patroller1", trace[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task The_first_trace_row_and_the_outbox_row_commit_with_the_case()
    {
        var patroller = await app.SignInAsync("patroller2");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0102");

        var response = await patroller.SendAsync(CaseApi.Json(new { categoryId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "垃圾" }));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var (traces, reported) = await app.QueryAsync(async db => (
            await db.CaseTraces.CountAsync(t => t.CaseId == id && t.Action == "report"),
            await db.Outbox.CountAsync(m => m.MessageType == "Dispatch.Contracts.Cases.CaseReported" && m.Body.Contains(id.ToString()))));
        Assert.Equal(1, traces);
        Assert.Equal(1, reported);
    }

    [Fact]
    public async Task A_report_with_a_photo_keeps_the_photo_for_those_who_may_see_the_case()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");

        var response = await patroller.SendAsync(CaseApi.Multipart(categoryId, "with photo", ("car.png", CaseApi.Png)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var photo = created.GetProperty("photos")[0];
        Assert.Equal("image/png", photo.GetProperty("contentType").GetString());
        var bytes = await patroller.GetByteArrayAsync(photo.GetProperty("url").GetString());
        Assert.Equal(CaseApi.Png, bytes);

        var otherDepartment = await app.SignInAsync("handler.xs-sanitation");
        var refused = await otherDepartment.GetAsync(photo.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var id = created.GetProperty("id").GetGuid();
        await CaseApi.WaitForStateAsync(patroller, id, "Dispatched");
        var ownDepartment = await app.SignInAsync("handler.xs-traffic");
        Assert.Equal(HttpStatusCode.OK, (await ownDepartment.GetAsync(photo.GetProperty("url").GetString())).StatusCode);
    }

    [Fact]
    public async Task Replaying_an_idempotency_key_with_the_same_body_returns_the_first_case()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var body = new { categoryId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "retry me" };
        var key = Guid.NewGuid().ToString();

        var first = await patroller.SendAsync(CaseApi.Json(body, key));
        var second = await patroller.SendAsync(CaseApi.Json(body, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(firstId, secondId);
        Assert.Equal(1, await app.QueryAsync(db => db.Cases.CountAsync(c => c.Description == "retry me")));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_idempotency_key_store_one_case()
    {
        var patroller = await app.SignInAsync("patroller2");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var body = new { categoryId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "raced" };
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => patroller.SendAsync(CaseApi.Json(body, key))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await app.QueryAsync(db => db.Cases.CountAsync(c => c.Description == "raced")));
    }

    [Fact]
    public async Task Case_numbers_are_unique_and_increasing_within_a_district_and_year()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            patroller.SendAsync(CaseApi.Json(new { categoryId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = $"n{i}" }))));

        var numbers = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!));
        Assert.Equal(10, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.StartsWith("450304-", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_handler_sees_the_dispatched_case_on_its_department_board_and_the_command_centre_counts_it()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var response = await patroller.SendAsync(CaseApi.Json(new { categoryId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "board" }));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await CaseApi.WaitForStateAsync(patroller, id, "Dispatched");

        var handler = await app.SignInAsync("handler.xs-traffic");
        var board = await handler.GetFromJsonAsync<JsonElement>("/api/boards/department/xs-traffic");
        var row = board.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal("Dispatched", row.GetProperty("state").GetString());
        Assert.Equal(4, row.GetProperty("version").GetInt32());

        var leader = await app.SignInAsync("leader1");
        var command = await leader.GetFromJsonAsync<JsonElement>("/api/boards/command");
        Assert.True(command.GetProperty("counts").GetProperty("Dispatched").GetInt32() >= 1);
        Assert.Contains(command.GetProperty("cases").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_territory_category_goes_to_the_street_office_of_the_street_the_point_is_in()
    {
        var patroller = await app.SignInAsync("patroller1");
        // 0114 无主井盖 has no owner department: the territory (the street office) takes it (部件 先属主后属地).
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "component", "0114");
        var located = await patroller.GetFromJsonAsync<JsonElement>(
            $"/api/grids/locate?lon={CaseApi.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}&lat={CaseApi.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var street = located.GetProperty("street").GetProperty("code").GetString();

        var response = await patroller.SendAsync(CaseApi.Json(new { categoryId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "井盖" }));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var dispatched = await CaseApi.WaitForStateAsync(patroller, id, "Dispatched");
        var department = dispatched.GetProperty("department").GetProperty("key").GetString();
        var offices = new Dictionary<string, string>
        {
            ["450304001"] = "xs-st-xiangshan", ["450304002"] = "xs-st-nanmen", ["450304003"] = "xs-st-pingshan", ["450304200"] = "xs-st-ertang",
        };
        Assert.Equal(offices[street!], department);
    }
}
