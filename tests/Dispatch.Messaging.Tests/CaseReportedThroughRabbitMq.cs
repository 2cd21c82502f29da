using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;

namespace Dispatch.Messaging.Tests;

/// <summary>The whole slice over the real RabbitMQ transport: report → outbox → broker → intake → routing → board.</summary>
public sealed class CaseReportedThroughRabbitMq(RabbitMqDispatchApp app) : IClassFixture<RabbitMqDispatchApp>
{
    [Fact]
    public async Task A_report_is_dispatched_through_rabbitmq()
    {
        var patroller = await app.SignInAsync("patroller1");
        var categories = await patroller.GetFromJsonAsync<JsonElement>("/api/categories");
        var categoryId = categories.EnumerateArray()
            .Single(c => c.GetProperty("kind").GetString() == "event" && c.GetProperty("code").GetString() == "0102")
            .GetProperty("id").GetGuid();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = JsonContent.Create(new { categoryId, longitude = 110.29, latitude = 25.255, description = "垃圾堆在路边" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await patroller.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var dispatched = await DispatchApp.EventuallyAsync(
            () => patroller.GetFromJsonAsync<JsonElement>($"/api/cases/{id}"),
            c => c.GetProperty("state").GetString() == "Dispatched",
            "the case to be dispatched over RabbitMQ");
        Assert.Equal("xs-sanitation", dispatched.GetProperty("department").GetProperty("key").GetString());

        var handler = await app.SignInAsync("handler.xs-sanitation");
        var board = await handler.GetFromJsonAsync<JsonElement>("/api/boards/department/xs-sanitation");
        Assert.Contains(board.GetProperty("cases").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }
}
