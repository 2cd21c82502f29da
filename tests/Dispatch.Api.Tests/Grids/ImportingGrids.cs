using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Grids.GridApi;

namespace Dispatch.Api.Tests.Grids;

/// <summary>
/// Importing grid layers. Tests here share one database, so every layer redraws 桂林市 the same way
/// (<see cref="GridApi.WiderCity"/>) and adds districts of its own.
/// </summary>
public sealed class ImportingGrids(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Fact]
    public async Task A_valid_layer_is_stored_and_locates_at_once()
    {
        var admin = await app.SignInAsync("admin");
        // 叠彩区, north of the demo city: a district, a street, a community and two unit grids in its north-west corner.
        var layer = Collection(
            WiderCity(),
            Feature("450305", "叠彩区", 110.270, 25.2720, 110.280, 25.2810),
            Feature("450305001", "叠彩街道", 110.270, 25.2720, 110.280, 25.2810),
            Feature("450305001001", "叠彩社区", 110.270, 25.2720, 110.280, 25.2810),
            Feature("450305001001001", "叠彩社区001号单元网格", 110.270, 25.2801, 110.271, 25.2810),
            Feature("450305001001002", "叠彩社区002号单元网格", 110.271, 25.2801, 110.272, 25.2810));

        var result = await OkAsync(await admin.SendAsync(Import(layer)));

        Assert.Equal(5, result.GetProperty("nodes").GetProperty("created").GetInt32());
        Assert.Equal(1, result.GetProperty("nodes").GetProperty("updated").GetInt32());
        Assert.Equal(2, result.GetProperty("byLevel").GetProperty("unit").GetInt32());
        var gap = Assert.Single(result.GetProperty("coverage").EnumerateArray());
        Assert.Equal("450305001001", gap.GetProperty("community").GetProperty("code").GetString());
        Assert.True(gap.GetProperty("uncoveredSquareMetres").GetDouble() > 0.9 * gap.GetProperty("areaSquareMetres").GetDouble());

        var located = await OkAsync(await LocateAsync(admin, 110.2715, 25.2805));
        Assert.Equal("450305001001002", Code(located, "unitGrid"));
        Assert.Equal(("450305", "叠彩区"), (Code(located, "district"), located.GetProperty("district").GetProperty("name").GetString()));
        Assert.Equal(422, (int)(await LocateAsync(admin, 110.279, 25.2805)).StatusCode);

        // A case reported there is numbered in the new district's series.
        var acceptor = await app.SignInAsync("acceptor1");
        var (categoryId, _) = await CaseApi.CategoryAsync(acceptor, "event", "0102");
        var reported = await OkAsync(await acceptor.SendAsync(CaseApi.Json(new { categoryId, longitude = 110.2715, latitude = 25.2805, description = "叠彩区的垃圾" })));
        Assert.StartsWith("450305-", reported.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal("450305001001002", reported.GetProperty("unitGrid").GetProperty("code").GetString());

        // The same layer again changes nothing.
        var again = await OkAsync(await admin.SendAsync(Import(layer)));
        Assert.Equal((0, 0, 6), (again.GetProperty("nodes").GetProperty("created").GetInt32(),
            again.GetProperty("nodes").GetProperty("updated").GetInt32(), again.GetProperty("nodes").GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task A_layer_with_one_bad_feature_stores_nothing()
    {
        var admin = await app.SignInAsync("admin");
        var before = await StoredAsync();
        // 七星区, south of the demo city, complete and valid except for one bow-tie unit grid.
        var layer = Collection(
            WiderCity(),
            Feature("450311", "七星区", 110.270, 25.2224, 110.280, 25.2324),
            Feature("450311001", "七星街道", 110.270, 25.2224, 110.280, 25.2324),
            Feature("450311001001", "七星社区", 110.270, 25.2224, 110.280, 25.2324),
            Feature("450311001001001", "七星社区001号单元网格", 110.270, 25.2315, 110.271, 25.2324),
            Polygon("450311001001002", "蝴蝶结", [[110.271, 25.2315], [110.272, 25.2324], [110.272, 25.2315], [110.271, 25.2324], [110.271, 25.2315]]));

        var problem = await ProblemAsync(await admin.SendAsync(Import(layer)), 422);

        var messages = problem.GetProperty("errors").GetProperty("features[5]");
        Assert.Contains("450311001001002", messages[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("SelfIntersection", Assert.Single(problem.GetProperty("problems").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal(before, await StoredAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/grids/450311")).StatusCode);
        Assert.Equal(422, (int)(await LocateAsync(admin, 110.2705, 25.2320)).StatusCode);
    }

    [Fact]
    public async Task Every_problem_of_a_layer_is_listed_at_once()
    {
        var admin = await app.SignInAsync("admin");
        var before = await StoredAsync();
        var layer = Collection(
            Feature("45030400100100X", "bad code", 110.290, 25.2711, 110.291, 25.2720),
            Feature("450304001001001", "twice", 110.290, 25.2711, 110.291, 25.2720),
            Feature("450304001001001", "twice", 110.290, 25.2711, 110.291, 25.2720),
            Polygon("450304003001001", "unclosed", [[110.3, 25.25], [110.301, 25.25], [110.301, 25.251]]),
            Polygon("450304003001002", "wrong parent", [[110.29, 25.25], [110.291, 25.25], [110.291, 25.251], [110.29, 25.25]], parent: "450304003002"),
            Feature("450304001002111", "outside its community", 110.400, 25.2711, 110.401, 25.2720),
            Feature("450304001001111", "over its siblings", 110.2905, 25.2700, 110.2915, 25.2709));

        var problem = await ProblemAsync(await admin.SendAsync(Import(layer)), 422);

        var kinds = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("kind").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "MalformedCode", "DuplicateCode", "UnclosedRing", "CodeDoesNotExtendParent", "OutsideParent", "SiblingOverlap" }, kinds);
        foreach (var where in new[] { "features[0]", "features[2]", "features[3]", "features[4]", "features[5]", "features[6]" })
            Assert.True(problem.GetProperty("errors").TryGetProperty(where, out _), $"no error for {where}: {problem}");
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task The_whole_tree_exports_in_a_form_that_imports_back_unchanged()
    {
        var admin = await app.SignInAsync("admin");

        var export = await admin.GetStringAsync("/api/grids/geojson");
        var result = await OkAsync(await admin.SendAsync(Import(export, "application/geo+json")));

        var (nodes, grids) = await app.QueryAsync(async db => (await db.GridNodes.CountAsync(), await db.ResponsibilityGrids.CountAsync()));
        Assert.Equal((0, 0, nodes), (result.GetProperty("nodes").GetProperty("created").GetInt32(),
            result.GetProperty("nodes").GetProperty("updated").GetInt32(), result.GetProperty("nodes").GetProperty("unchanged").GetInt32()));
        Assert.Equal((0, 0, grids), (result.GetProperty("responsibilityGrids").GetProperty("created").GetInt32(),
            result.GetProperty("responsibilityGrids").GetProperty("updated").GetInt32(), result.GetProperty("responsibilityGrids").GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task Responsibility_grids_are_imported_with_their_patrollers()
    {
        var admin = await app.SignInAsync("admin");
        var layer = new
        {
            type = "FeatureCollection",
            features = Array.Empty<object>(),
            responsibilityGrids = new[]
            {
                new { code = "450304003004-01", name = "铁佛社区责任网格", units = new[] { "450304003004001", "450304003004002" }, patrollers = new[] { "patroller3" } },
                new { code = "PS-EXTRA", name = "平山补充网格", units = new[] { "450304003004003" }, patrollers = new[] { "patroller3" } },
            },
        };

        var result = await OkAsync(await admin.SendAsync(Import(layer)));

        Assert.Equal((1, 1), (result.GetProperty("responsibilityGrids").GetProperty("created").GetInt32(),
            result.GetProperty("responsibilityGrids").GetProperty("updated").GetInt32()));
        var unit = await GetJsonAsync(admin, "/api/grids/450304003004003");
        Assert.Equal("PS-EXTRA", unit.GetProperty("responsibilityGrid").GetProperty("code").GetString());
        Assert.Equal(["patroller3"], unit.GetProperty("responsibilityGrid").GetProperty("patrollers").EnumerateArray().Select(p => p.GetString()));
        var replaced = await GetJsonAsync(admin, "/api/grids/450304003004001");
        Assert.Equal(["patroller3"], replaced.GetProperty("responsibilityGrid").GetProperty("patrollers").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Only_administrators_import()
    {
        var layer = Collection(WiderCity());

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().SendAsync(Import(layer))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("dispatcher1")).SendAsync(Import(layer))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("patroller1")).GetAsync("/api/admin/grids/coverage")).StatusCode);
    }

    [Theory]
    [InlineData("{\"type\": ", "application/json", 400, "body")]
    [InlineData("{\"type\":\"Feature\"}", "application/geo+json", 400, "type")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[]}", "application/json", 400, "features")]
    [InlineData("code,name", "text/csv", 415, "body")]
    public async Task A_body_that_is_no_grid_layer_is_refused(string body, string contentType, int status, string field)
    {
        var admin = await app.SignInAsync("admin");
        var before = await StoredAsync();

        var problem = await ProblemAsync(await admin.SendAsync(Import(body, contentType)), status);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await StoredAsync());
    }

    private Task<(int Nodes, int Grids, string CityBoundary)> StoredAsync() => app.QueryAsync(async db => (
        await db.GridNodes.CountAsync(),
        await db.ResponsibilityGridUnits.CountAsync(),
        Convert.ToBase64String((await db.GridNodes.SingleAsync(n => n.Code == "450300")).Boundary)));
}
