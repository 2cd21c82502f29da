using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Domain.Cases;
using Dispatch.Testing;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Lifecycle;

/// <summary>The action table is served to clients, and requests are checked against its rows.</summary>
public sealed class TheActionTable(DispatchApp app) : IClassFixture<DispatchApp>
{
    /// <summary>The kinds of field the frontend draws an input for; a new kind needs a new input there first.</summary>
    private static readonly string[] Enforcement = ["xs-enforcement"];

    private static readonly string[] KindsClientsKnow = ["text", "boolean", "department", "departments", "limit", "category", "condition", "person"];

    [Fact]
    public async Task Every_action_people_take_is_served_with_both_labels_its_fields_and_roles()
    {
        var client = await app.SignInAsync("dispatcher1");

        var table = await client.GetFromJsonAsync<JsonElement>("/api/case-actions");

        var actions = table.EnumerateArray().Select(a => a.GetProperty("action").GetString()!).ToList();
        Assert.Equal(CaseLifecycle.PeopleActions, actions);
        foreach (var row in table.EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("labelZh").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("labelEn").GetString()));
            Assert.NotEmpty(row.GetProperty("roles").EnumerateArray());
            Assert.DoesNotContain("system", row.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            foreach (var field in row.GetProperty("fields").EnumerateArray())
                Assert.Contains(field.GetProperty("kind").GetString(), KindsClientsKnow);
        }
    }

    /// <summary>
    /// The frontend's tests draw every form from a copy of the served table; the copy must be the table, or they test
    /// forms nobody is offered. <c>DISPATCH_UPDATE_SNAPSHOTS=1</c> rewrites the copy.
    /// </summary>
    [Fact]
    public async Task The_frontend_tests_use_exactly_the_served_table()
    {
        var client = await app.SignInAsync("dispatcher1");
        var served = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/case-actions", UriKind.Relative)))!;
        var path = Path.Combine(RepositoryRoot.Find(), "frontend", "src", "testing", "case-action-table.json");
        var pretty = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (Environment.GetEnvironmentVariable("DISPATCH_UPDATE_SNAPSHOTS") == "1")
            await File.WriteAllTextAsync(path, pretty);

        var copy = JsonNode.Parse(await File.ReadAllTextAsync(path));

        Assert.True(JsonNode.DeepEquals(served, copy),
            $"{path} differs from GET /api/case-actions; rerun this test with DISPATCH_UPDATE_SNAPSHOTS=1 and commit the file.");
    }

    [Fact]
    public async Task Assist_is_offered_with_a_required_list_of_departments()
    {
        var client = await app.SignInAsync("dispatcher1");

        var table = await client.GetFromJsonAsync<JsonElement>("/api/case-actions");

        var assist = table.EnumerateArray().Single(a => a.GetProperty("action").GetString() == "assist");
        Assert.Equal("协办", assist.GetProperty("labelZh").GetString());
        var field = assist.GetProperty("fields").EnumerateArray().First();
        Assert.Equal("assistingDepartmentKeys", field.GetProperty("name").GetString());
        Assert.Equal("departments", field.GetProperty("kind").GetString());
        Assert.True(field.GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task A_failed_check_needs_an_opinion_and_the_table_says_so()
    {
        var client = await app.SignInAsync("patroller1");

        var table = await client.GetFromJsonAsync<JsonElement>("/api/case-actions");

        var opinion = table.EnumerateArray().Single(a => a.GetProperty("action").GetString() == "check")
            .GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "opinion");
        Assert.False(opinion.GetProperty("required").GetBoolean());
        Assert.Equal("passed", opinion.GetProperty("requiredWhen").GetProperty("field").GetString());
        Assert.False(opinion.GetProperty("requiredWhen").GetProperty("equals").GetBoolean());
    }

    [Fact]
    public async Task The_table_is_for_signed_in_users_only()
    {
        var response = await app.Anonymous().GetAsync(new Uri("/api/case-actions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("sign", """{"reason":"not a field of sign"}""", "reason")]
    [InlineData("sign", """{"departmentKey":"xs-traffic"}""", "departmentKey")]
    [InlineData("return", """{"reason":"不是本单位","passed":true}""", "passed")]
    [InlineData("sign", """{"limit":4}""", "limit")]
    [InlineData("sign", """{"unit":"working_hours"}""", "unit")]
    public async Task A_field_the_action_does_not_take_is_refused_by_name_and_nothing_changes(string action, string body, string field)
    {
        var patroller = await app.SignInAsync("patroller2");
        var id = await DispatchedPatrolCaseAsync(patroller);
        var before = await FootprintAsync(app, id);
        var handler = await app.SignInAsync("handler.xs-traffic");

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await handler.PostAsync(new Uri($"/api/cases/{id}/{action}", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await FootprintAsync(app, id));
    }

    [Fact]
    public async Task Assist_from_the_table_names_departments_and_an_empty_list_ends_co_handling()
    {
        var patroller = await app.SignInAsync("patroller1");
        var id = await DispatchedPatrolCaseAsync(patroller);
        var dispatcher = await app.SignInAsync("dispatcher1");

        var assisted = await OkAsync(dispatcher, id, "assist", new { assistingDepartmentKeys = Enforcement });
        Assert.Equal(["xs-enforcement"], assisted.GetProperty("assistingDepartments").EnumerateArray().Select(d => d.GetProperty("key").GetString()));

        var ended = await OkAsync(dispatcher, id, "assist", new { assistingDepartmentKeys = Array.Empty<string>() });
        Assert.Empty(ended.GetProperty("assistingDepartments").EnumerateArray());
    }
}
