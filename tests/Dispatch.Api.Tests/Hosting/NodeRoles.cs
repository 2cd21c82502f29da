using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Tests.Hosting;

/// <summary><c>Dispatch:Roles</c> picks what a node does; a value it does not know stops the node at start.</summary>
public sealed class NodeRoles
{
    private sealed class Node(string roles) : DispatchApp
    {
        protected override string Roles => roles;
    }

    [Fact]
    public async Task Both_means_web_and_worker()
    {
        await using var node = new Node("both");
        await node.InitializeAsync();
        try
        {
            var patroller = await node.SignInAsync("patroller1");
            var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
            var response = await patroller.SendAsync(CaseApi.Json(new { categoryId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "both" }));
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

            await CaseApi.WaitForStateAsync(patroller, id, "Dispatched");
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(node.ConnectionString);
        }
    }

    [Fact]
    public async Task An_unknown_role_stops_the_node_at_start()
    {
        await using var node = new Node("web,wroker");
        try
        {
            var e = await Assert.ThrowsAnyAsync<Exception>(node.InitializeAsync);
            Assert.Contains("Dispatch:Roles", (e as OptionsValidationException ?? e.InnerException as OptionsValidationException)?.Message ?? e.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(node.ConnectionString);
        }
    }
}
