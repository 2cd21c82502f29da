using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Tests.Cases;

/// <summary>
/// Every kind of bad report gets a 4xx problem+json that names the offending field, and leaves nothing behind:
/// no case, no trace row, no outbox row, no idempotency record.
/// </summary>
public sealed class RefusingBadReports(DispatchApp app) : IClassFixture<DispatchApp>
{
    public static TheoryData<string, object, int, string> BadJsonBodies => new()
    {
        { "unknown category", new { categoryId = Guid.NewGuid(), longitude = 110.29, latitude = 25.255, description = "x" }, 400, "categoryId" },
        { "missing category", new { longitude = 110.29, latitude = 25.255, description = "x" }, 400, "categoryId" },
        { "missing longitude", new { categoryId = Known, latitude = 25.255, description = "x" }, 400, "longitude" },
        { "missing latitude", new { categoryId = Known, longitude = 110.29, description = "x" }, 400, "latitude" },
        { "longitude out of range", new { categoryId = Known, longitude = 181.0, latitude = 25.255, description = "x" }, 400, "longitude" },
        { "latitude out of range", new { categoryId = Known, longitude = 110.29, latitude = -90.5, description = "x" }, 400, "latitude" },
        { "description over 2000 characters", new { categoryId = Known, longitude = 110.29, latitude = 25.255, description = new string('长', 2001) }, 400, "description" },
        { "condition of another category", new { categoryId = Known, conditionId = Guid.NewGuid(), longitude = 110.29, latitude = 25.255, description = "x" }, 400, "conditionId" },
    };

    /// <summary>Stands for the id of a real category; replaced before sending (theory data is built before the host).</summary>
    private static readonly Guid Known = Guid.Parse("00000000-0000-0000-0000-00000000beef");

    [Theory]
    [MemberData(nameof(BadJsonBodies))]
    public async Task A_bad_json_report_is_refused_naming_the_field(string why, object body, int status, string field)
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var json = JsonSerializer.Serialize(body, JsonSerializerOptions.Web).Replace(Known.ToString(), categoryId.ToString(), StringComparison.Ordinal);

        var response = await SendAndAssertNothingStoredAsync(patroller, Raw(json, "application/json"));

        await AssertProblemAsync(response, status, field, why);
    }

    [Theory]
    [InlineData("{\"categoryId\": ", "body")]
    [InlineData("not json at all", "body")]
    [InlineData("[1, 2, 3]", "body")]
    [InlineData("{\"categoryId\": \"not-a-guid\", \"longitude\": 110.29, \"latitude\": 25.2}", "categoryId")]
    [InlineData("{\"categoryId\": null, \"longitude\": \"east\", \"latitude\": 25.2}", "longitude")]
    public async Task A_body_that_is_not_valid_json_is_refused(string json, string field)
    {
        var patroller = await app.SignInAsync("patroller1");

        var response = await SendAndAssertNothingStoredAsync(patroller, Raw(json, "application/json"));

        await AssertProblemAsync(response, 400, field, json);
    }

    [Fact]
    public async Task A_photo_over_10_MB_is_refused_with_413()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var big = new byte[(10 * 1024 * 1024) + 1];
        CaseApi.Png.CopyTo(big, 0);

        var response = await SendAndAssertNothingStoredAsync(patroller, CaseApi.Multipart(categoryId, "big", ("big.png", big)));

        await AssertProblemAsync(response, 413, "photos[0]", "oversized photo");
    }

    [Fact]
    public async Task A_photo_that_is_not_an_image_by_content_is_refused_with_415()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");

        var response = await SendAndAssertNothingStoredAsync(patroller,
            CaseApi.Multipart(categoryId, "fake", ("ok.png", CaseApi.Png), ("fake.jpg", Encoding.UTF8.GetBytes("MZ this is an executable"))));

        await AssertProblemAsync(response, 415, "photos[1]", "not an image");
    }

    [Fact]
    public async Task A_malformed_form_field_is_refused_naming_it()
    {
        var patroller = await app.SignInAsync("patroller1");
        var form = new MultipartFormDataContent
        {
            { new StringContent("not-a-guid"), "categoryId" },
            { new StringContent("110,29"), "longitude" },
            { new StringContent("25.255"), "latitude" },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = form };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await SendAndAssertNothingStoredAsync(patroller, request);

        var problem = await AssertProblemAsync(response, 400, "categoryId", "bad form");
        Assert.True(problem.GetProperty("errors").TryGetProperty("longitude", out _));
    }

    [Fact]
    public async Task A_missing_idempotency_key_is_refused()
    {
        var patroller = await app.SignInAsync("patroller1");
        var request = Raw("{}", "application/json");
        request.Headers.Remove("Idempotency-Key");

        var response = await SendAndAssertNothingStoredAsync(patroller, request);

        await AssertProblemAsync(response, 400, "Idempotency-Key", "no key");
    }

    [Fact]
    public async Task An_unsupported_content_type_is_refused_with_415()
    {
        var patroller = await app.SignInAsync("patroller1");

        var response = await SendAndAssertNothingStoredAsync(patroller, Raw("categoryId=1", "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Replaying_an_idempotency_key_with_a_different_body_is_refused_with_422()
    {
        var patroller = await app.SignInAsync("patroller2");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var key = Guid.NewGuid().ToString();
        var first = await patroller.SendAsync(CaseApi.Json(new { categoryId, longitude = 110.29, latitude = 25.255, description = "first" }, key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await CaseApi.WaitForStateAsync(patroller, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), "Dispatched");

        var response = await SendAndAssertNothingStoredAsync(patroller,
            CaseApi.Json(new { categoryId, longitude = 110.29, latitude = 25.255, description = "second" }, key));

        await AssertProblemAsync(response, 422, "Idempotency-Key", "reused key");
    }

    [Fact]
    public async Task Unauthenticated_calls_get_401_and_the_wrong_role_gets_403()
    {
        var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(CaseApi.Json(new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/categories")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/boards/command")).StatusCode);

        var handler = await app.SignInAsync("handler.xs-traffic");
        var response = await SendAndAssertNothingStoredAsync(handler, CaseApi.Json(new { }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/api/boards/command")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/api/boards/department/xs-sanitation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await handler.GetAsync("/api/boards/department/xs-traffic")).StatusCode);

        var patroller = await app.SignInAsync("patroller1");
        Assert.Equal(HttpStatusCode.Forbidden, (await patroller.GetAsync("/api/boards/command")).StatusCode);
    }

    [Fact]
    public async Task Wrong_credentials_get_401_problem_and_a_missing_field_400()
    {
        var anonymous = app.Anonymous();

        var wrong = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "patroller1", password = "nope" });
        var missing = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "patroller1" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        await AssertProblemAsync(missing, 400, "password", "no password");
    }

    private static HttpRequestMessage Raw(string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    private async Task<HttpResponseMessage> SendAndAssertNothingStoredAsync(HttpClient client, HttpRequestMessage request)
    {
        var before = await CountsAsync();
        var response = await client.SendAsync(request);
        Assert.Equal(before, await CountsAsync());
        return response;
    }

    private Task<(int Cases, int Traces, int Outbox, int Keys)> CountsAsync() => app.QueryAsync(async db => (
        await db.Cases.CountAsync(), await db.CaseTraces.CountAsync(), await db.Outbox.CountAsync(), await db.IdempotencyRecords.CountAsync()));

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status, string field, string why)
    {
        Assert.True((int)response.StatusCode == status, $"{why}: expected {status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{why}: no error for '{field}' in {problem}");
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
        return problem;
    }
}
