using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Tests.Hosting;

/// <summary>
/// The inputs that used to end in a 500 or be wrongly accepted, one by one: each is now a 4xx problem+json naming
/// what is wrong, and nothing is stored.
/// </summary>
public sealed class EdgeRefusals(DispatchApp app) : IClassFixture<DispatchApp>
{
    private const string Boundary = "XyZ123";

    [Fact]
    public async Task A_photo_part_without_a_file_name_is_refused_never_dropped()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var body = new MultipartFormDataContent
        {
            { new StringContent(categoryId.ToString()), "categoryId" },
            { new StringContent("110.29"), "longitude" },
            { new StringContent("25.255"), "latitude" },
        };
        var photo = new ByteArrayContent(CaseApi.Png);
        photo.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"photos\"", FileName = "\"\"" };
        body.Add(photo);

        var response = await SendUnstoredAsync(patroller, Post("/api/cases", body));

        await AssertProblemAsync(response, 400, "photos");
    }

    [Theory]
    [InlineData("abc", false)]
    [InlineData("abc", true)]
    [InlineData("--XyZ123\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\ntruncated", true)]
    [InlineData("--XyZ123\r\n\r\nno content disposition\r\n--XyZ123--\r\n", true)]
    [InlineData("--XyZ123\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"a\"b.png\"\r\n\r\nx\r\n--XyZ123--\r\n", true)]
    public async Task A_malformed_multipart_body_is_400_naming_the_body(string body, bool withBoundary)
    {
        var patroller = await app.SignInAsync("patroller1");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", withBoundary ? $"multipart/form-data; boundary={Boundary}" : "multipart/form-data");
        var caseId = await ReportAsync(patroller);

        var report = await SendUnstoredAsync(patroller, Post("/api/cases", content));
        var action = await SendUnstoredAsync(patroller, Post($"/api/cases/{caseId}/check", new ByteArrayContent(Encoding.UTF8.GetBytes(body))
        {
            Headers = { { "Content-Type", content.Headers.ContentType!.ToString() } },
        }));

        await AssertProblemAsync(report, 400, "body");
        await AssertProblemAsync(action, 400, "body");
    }

    [Theory]
    [InlineData("4")]
    [InlineData("1")]
    [InlineData("Public,Video")]
    [InlineData("public, video")]
    public async Task A_source_is_taken_by_its_name_only(string source)
    {
        var acceptor = await app.SignInAsync("acceptor1");
        var (categoryId, _) = await CaseApi.CategoryAsync(acceptor, "event", "0505");

        var response = await SendUnstoredAsync(acceptor, CaseApi.Json(new
        {
            categoryId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "x", source,
            callerName = "张三", callerPhone = "13800000000",
        }));

        await AssertProblemAsync(response, 400, "source");
    }

    [Fact]
    public async Task A_nul_in_a_component_id_is_refused_naming_it()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");

        var response = await SendUnstoredAsync(patroller, CaseApi.Json(new
        {
            categoryId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "x", componentId = "a\0b",
        }));

        await AssertProblemAsync(response, 400, "componentId");
    }

    [Fact]
    public async Task A_json_body_sent_chunked_is_held_to_the_same_limit()
    {
        var patroller = await app.SignInAsync("patroller1");
        var json = "{\"description\": \"" + new string('x', 100 * 1024) + "\"}";
        var request = Post("/api/cases", new ChunkedContent(Encoding.UTF8.GetBytes(json)));
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await SendUnstoredAsync(patroller, request);

        await AssertProblemAsync(response, 413, "body");
    }

    [Fact]
    public async Task Null_in_the_list_of_assisting_departments_is_refused_naming_the_item()
    {
        var patroller = await app.SignInAsync("patroller1");
        var caseId = await ReportAsync(patroller);
        var dispatcher = await app.SignInAsync("dispatcher1");

        var response = await SendUnstoredAsync(dispatcher, Post($"/api/cases/{caseId}/assist", JsonContent.Create(new { assistingDepartmentKeys = new string?[] { null } })));

        await AssertProblemAsync(response, 400, "assistingDepartmentKeys[0]");
    }

    [Fact]
    public async Task A_nul_in_a_department_key_is_refused_naming_it()
    {
        var patroller = await app.SignInAsync("patroller1");
        var caseId = await ReportAsync(patroller);
        var dispatcher = await app.SignInAsync("dispatcher1");

        var response = await SendUnstoredAsync(dispatcher, Post($"/api/cases/{caseId}/dispatch", JsonContent.Create(new { departmentKey = "xs\0traffic" })));

        await AssertProblemAsync(response, 400, "departmentKey");
    }

    [Fact]
    public async Task Someone_who_may_not_read_a_case_learns_nothing_of_it_from_an_action()
    {
        var reporter = await app.SignInAsync("patroller1");
        var caseId = await ReportAsync(reporter);
        var stranger = await app.SignInAsync("patroller2");

        var response = await SendUnstoredAsync(stranger, Post($"/api/cases/{caseId}/check", JsonContent.Create(new { passed = true })));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.False(problem.TryGetProperty("state", out _), body);
        Assert.False(problem.TryGetProperty("version", out _), body);
        var number = (await reporter.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("number").GetString()!;
        Assert.DoesNotContain(number, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/cases/{caseId}")).StatusCode);
    }

    [Theory]
    [InlineData("/api/routing/dry-run?lon=110.29&lat=25.255&at=2026-11-21T09:30:00%2B08:00")]
    [InlineData("/api/routing/coverage?at=2026-11-21T09:30:00%2B08:00")]
    [InlineData("/api/routing/coverage?at=2026-11-21T09:30:00-05:00")]
    public async Task An_instant_with_an_offset_is_taken_as_that_instant(string path)
    {
        var dispatcher = await app.SignInAsync("dispatcher1");
        var (categoryId, _) = await CaseApi.CategoryAsync(dispatcher, "event", "0505");

        var response = await dispatcher.GetAsync(path + $"&categoryId={categoryId}");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("NaN,NaN,NaN,NaN")]
    [InlineData("-Infinity,25.2,Infinity,25.3")]
    [InlineData("110.2,25.2,1e400,25.3")]
    public async Task A_bounding_box_of_non_finite_numbers_is_refused(string bbox)
    {
        var leader = await app.SignInAsync("leader1");

        var response = await leader.GetAsync($"/api/grids/geojson?bbox={Uri.EscapeDataString(bbox)}");

        await AssertProblemAsync(response, 400, "bbox");
    }

    [Fact]
    public async Task Deleting_an_area_limit_with_a_malformed_area_class_is_400_as_setting_it_is()
    {
        var admin = await app.SignInAsync("admin");
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(admin, "event", "0505");

        var response = await admin.DeleteAsync($"/api/categories/{categoryId}/conditions/{conditionId}/limits/{Uri.EscapeDataString("<b>")}");

        await AssertProblemAsync(response, 400, "areaClass");
    }

    [Fact]
    public async Task A_grid_name_with_markup_is_refused_on_import()
    {
        var admin = await app.SignInAsync("admin");
        var before = await app.QueryAsync(db => db.GridNodes.Where(n => n.Code == "450300").Select(n => n.Name).SingleAsync());
        var layer = GridLayers.Collection(GridLayers.Feature("450300", "<img src=x onerror=alert(1)>", 110.270, 25.2224, 110.310, 25.2820));

        var response = await admin.SendAsync(GridLayers.Import(layer));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("name", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.GridNodes.Where(n => n.Code == "450300").Select(n => n.Name).SingleAsync()));
    }

    private static async Task<Guid> ReportAsync(HttpClient patroller)
    {
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var response = await patroller.SendAsync(CaseApi.Json(new { categoryId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "edge" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await CaseApi.WaitForStateAsync(patroller, id, "Dispatched");
        return id;
    }

    private static HttpRequestMessage Post(string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    private async Task<HttpResponseMessage> SendUnstoredAsync(HttpClient client, HttpRequestMessage request)
    {
        var before = await CountsAsync();
        var response = await client.SendAsync(request);
        Assert.Equal(before, await CountsAsync());
        return response;
    }

    private Task<(int Cases, int Traces, int Photos)> CountsAsync() => app.QueryAsync(async db => (
        await db.Cases.CountAsync(), await db.CaseTraces.CountAsync(), await db.CasePhotos.CountAsync()));

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error for '{field}' in {text}");
    }

    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
