using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Api.Tests.Realtime;

/// <summary>
/// The board hub through the real .NET SignalR client, signed in by cookie and subscribed as the browser subscribes:
/// pushes reach the boards that may see a case, with its number and version, and nobody signed out gets a connection.
/// </summary>
public sealed class BoardHubClients(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task The_command_centre_board_receives_a_reported_case_as_it_is_dispatched(HttpTransportType transport)
    {
        await using var board = await BoardClient.ConnectAsync(app, "dispatcher1", transport);
        await board.JoinCommandCentreAsync();
        var patroller = await app.SignInAsync("patroller1");

        var id = await ReportAsync(patroller, $"board over {transport}");
        var dispatched = await CaseApi.WaitForStateAsync(patroller, id, "Dispatched");

        var number = dispatched.GetProperty("number").GetString();
        var version = dispatched.GetProperty("version").GetInt32();
        var push = await board.WaitForAsync(
            p => p.GetProperty("number").GetString() == number && p.GetProperty("version").GetInt32() == version,
            $"a push of case {number} at version {version}");
        Assert.Equal(id, push.GetProperty("id").GetGuid());
        Assert.Equal("Dispatched", push.GetProperty("state").GetString());
        Assert.Equal("xs-traffic", push.GetProperty("departmentKey").GetString());
    }

    [Fact]
    public async Task A_department_board_receives_its_own_handlers_action_with_the_new_version()
    {
        await using var board = await BoardClient.ConnectAsync(app, "handler.xs-traffic", HttpTransportType.WebSockets);
        await board.JoinDepartmentAsync("xs-traffic");
        var patroller = await app.SignInAsync("patroller2");
        var handler = await app.SignInAsync("handler.xs-traffic");
        var id = await ReportAsync(patroller, "department board");
        var dispatched = await CaseApi.WaitForStateAsync(patroller, id, "Dispatched");
        var number = dispatched.GetProperty("number").GetString();
        await board.WaitForAsync(p => p.GetProperty("number").GetString() == number, $"the dispatch of case {number}");

        var signed = await handler.PostAsync($"/api/cases/{id}/sign", null);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var answer = await signed.Content.ReadFromJsonAsync<JsonElement>();
        var version = answer.GetProperty("version").GetInt32();

        var push = await board.WaitForAsync(
            p => p.GetProperty("number").GetString() == number && p.GetProperty("version").GetInt32() == version,
            $"a push of case {number} at version {version}");
        Assert.True(version > dispatched.GetProperty("version").GetInt32());
        Assert.Equal(answer.GetProperty("state").GetString(), push.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_department_user_may_not_watch_another_department_or_the_command_centre()
    {
        await using var board = await BoardClient.ConnectAsync(app, "handler.xs-traffic", HttpTransportType.LongPolling);

        await Assert.ThrowsAsync<HubException>(() => board.JoinDepartmentAsync("xs-sanitation"));
        await Assert.ThrowsAsync<HubException>(board.JoinCommandCentreAsync);
    }

    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task A_signed_out_client_is_refused_a_connection(HttpTransportType transport)
    {
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => BoardClient.ConnectAsync(app, null, transport));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static async Task<Guid> ReportAsync(HttpClient patroller, string description)
    {
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var response = await patroller.SendAsync(CaseApi.Json(new
        {
            categoryId, conditionId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description,
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
