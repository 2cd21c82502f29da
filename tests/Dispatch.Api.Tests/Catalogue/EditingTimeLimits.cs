using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Api.Tests.Lifecycle;
using Dispatch.Testing;

namespace Dispatch.Api.Tests.Catalogue;

/// <summary>
/// Administrators change a condition's handling limit and give an area class a limit of its own; cases dispatched
/// afterwards get deadlines from them. Exposed garbage (event 0102) starts at 4 working hours; the clock stands at
/// Monday 2 March 2026, 09:00, and the demo grid is area class B throughout.
/// </summary>
public sealed class EditingTimeLimits(ClockedDispatchApp app) : IClassFixture<ClockedDispatchApp>
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_changed_condition_limit_and_an_area_class_limit_set_the_deadlines_of_new_cases()
    {
        app.Clock.Set(Monday);
        var admin = await app.SignInAsync("admin");
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(admin, "event", "0102");
        var condition = $"/api/categories/{categoryId}/conditions/{conditionId}";

        var changed = await admin.PutAsJsonAsync($"{condition}/limit", new { limit = 1, unit = "working_hours" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("1.00 working_hours", await LimitOfAsync(admin, "0102"));
        Assert.Equal(Monday.AddHours(1), await DueOfNewCaseAsync());

        var classB = await admin.PutAsJsonAsync($"{condition}/limits/B", new { limit = 3, unit = "working_hours" });
        Assert.Equal(HttpStatusCode.OK, classB.StatusCode);
        var limits = await admin.GetFromJsonAsync<JsonElement>($"{condition}/limits");
        Assert.Equal("B", limits[0].GetProperty("areaClass").GetString());
        Assert.Equal(Monday.AddHours(3), await DueOfNewCaseAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{condition}/limits/B")).StatusCode);
        Assert.Equal(Monday.AddHours(1), await DueOfNewCaseAsync());
    }

    [Theory]
    [InlineData("{\"unit\":\"working_hours\"}", "limit")]
    [InlineData("{\"limit\":2}", "unit")]
    [InlineData("{\"limit\":2,\"unit\":\"moons\"}", "unit")]
    [InlineData("{\"limit\":-1,\"unit\":\"working_hours\"}", "limit")]
    [InlineData("{\"limit\":1.5,\"unit\":\"working_days\"}", "limit")]
    [InlineData("{\"limit\":0.001,\"unit\":\"working_hours\"}", "limit")]
    public async Task A_bad_limit_is_refused_naming_the_field_and_the_catalogue_keeps_its_limit(string json, string field)
    {
        var admin = await app.SignInAsync("admin");
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(admin, "event", "0505");
        var before = await LimitOfAsync(admin, "0505");

        var response = await admin.PutAsync($"/api/categories/{categoryId}/conditions/{conditionId}/limit",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await LimitOfAsync(admin, "0505"));
    }

    [Fact]
    public async Task Only_administrators_edit_limits_and_an_unknown_condition_is_404()
    {
        var admin = await app.SignInAsync("admin");
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(admin, "event", "0505");
        var body = new { limit = 1, unit = "working_hours" };

        var byDispatcher = await (await app.SignInAsync("dispatcher1")).PutAsJsonAsync($"/api/categories/{categoryId}/conditions/{conditionId}/limit", body);
        var unknown = await admin.PutAsJsonAsync($"/api/categories/{categoryId}/conditions/{Guid.NewGuid()}/limit", body);
        var badClass = await admin.PutAsJsonAsync($"/api/categories/{categoryId}/conditions/{conditionId}/limits/{new string('A', 9)}", body);

        Assert.Equal(HttpStatusCode.Forbidden, byDispatcher.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badClass.StatusCode);
    }

    private async Task<DateTimeOffset> DueOfNewCaseAsync()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(patroller, "event", "0102");
        var response = await patroller.SendAsync(CaseApi.Json(new
        {
            categoryId, conditionId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "暴露垃圾",
        }));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var dispatched = await CaseApi.WaitForStateAsync(patroller, id, "Dispatched");
        return dispatched.GetProperty("nextDeadline").Instant();
    }

    private static async Task<string> LimitOfAsync(HttpClient client, string code)
    {
        var categories = await client.GetFromJsonAsync<JsonElement>("/api/categories");
        var condition = categories.EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "event" && c.GetProperty("code").GetString() == code)
            .GetProperty("conditions")[0];
        return $"{condition.GetProperty("limit")} {condition.GetProperty("unit")}";
    }
}
