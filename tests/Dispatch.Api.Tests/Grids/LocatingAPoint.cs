using System.Net;
using Dispatch.Domain.Grids;
using Dispatch.Testing;
using static Dispatch.Api.Tests.Grids.GridApi;

namespace Dispatch.Api.Tests.Grids;

/// <summary>Locating and browsing the seeded demo city.</summary>
public sealed class LocatingAPoint(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Fact]
    public async Task A_point_locates_in_its_unit_grid_with_every_level_above()
    {
        var client = await app.SignInAsync("patroller1");

        var located = await OkAsync(await LocateAsync(client, ElephantTrunkHill.Lon, ElephantTrunkHill.Lat));

        var unit = Code(located, "unitGrid");
        Assert.Matches(@"^450304001001\d{3}$", unit);
        Assert.Equal("450304001001", Code(located, "community"));
        Assert.Equal(("450304001", "象山街道"), (Code(located, "street"), located.GetProperty("street").GetProperty("name").GetString()));
        Assert.Equal(("450304", "象山区"), (Code(located, "district"), located.GetProperty("district").GetProperty("name").GetString()));
        Assert.Equal(("450300", "桂林市"), (Code(located, "city"), located.GetProperty("city").GetProperty("name").GetString()));
        Assert.Equal("450304001001-01", located.GetProperty("responsibilityGrid").GetProperty("code").GetString());
        Assert.Contains("patroller1", located.GetProperty("responsibilityGrid").GetProperty("patrollers").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task A_point_on_the_edge_between_two_streets_goes_to_the_lower_code_every_time()
    {
        var client = await app.SignInAsync("acceptor1");
        // lon 110.290 is the edge between 南门街道 (west) and 象山街道 (east).
        var candidates = new GridIndex(DemoCity.Nodes().Where(n => n.Code.Level == GridLevel.Unit).Select(n => (n.Code, n.Boundary)))
            .LocateAll(110.290, 25.2671);
        Assert.Equal(2, candidates.Count);

        for (var i = 0; i < 3; i++)
        {
            var located = await OkAsync(await LocateAsync(client, 110.290, 25.2671));
            Assert.Equal(candidates[0].Value, Code(located, "unitGrid"));
            Assert.Equal("450304001", Code(located, "street"));
        }
    }

    [Fact]
    public async Task A_point_outside_the_managed_area_is_refused_with_422()
    {
        var client = await app.SignInAsync("patroller1");

        var problem = await ProblemAsync(await LocateAsync(client, Outside.Lon, Outside.Lat), 422);

        Assert.Contains("outside the managed area", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("longitude", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("latitude", out _));
    }

    [Theory]
    [InlineData("/api/grids/locate?lat=25.25", "lon")]
    [InlineData("/api/grids/locate?lon=east&lat=25.25", "lon")]
    [InlineData("/api/grids/locate?lon=110.29&lat=95", "lat")]
    [InlineData("/api/grids?level=province", "level")]
    [InlineData("/api/grids?parent=4503", "parent")]
    [InlineData("/api/grids/45030400100", "code")]
    [InlineData("/api/grids/geojson?bbox=1,2,3", "bbox")]
    public async Task Bad_parameters_are_refused_naming_the_parameter(string url, string field)
    {
        var client = await app.SignInAsync("patroller1");

        var problem = await ProblemAsync(await client.GetAsync(url), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Grid_endpoints_need_a_signed_in_user()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await LocateAsync(app.Anonymous(), ElephantTrunkHill.Lon, ElephantTrunkHill.Lat)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/grids/geojson?level=street")).StatusCode);
    }

    [Fact]
    public async Task Nodes_are_listed_by_level_and_by_what_they_lie_under()
    {
        var client = await app.SignInAsync("leader1");

        var streets = await GetJsonAsync(client, "/api/grids?level=street&parent=450304");
        var units = await GetJsonAsync(client, "/api/grids?level=unit&parent=450304001001");
        var streetUnits = await GetJsonAsync(client, "/api/grids?level=unit&parent=450304200");

        Assert.Equal(["450304001", "450304002", "450304003", "450304200"], streets.EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        Assert.Equal(["象山街道", "南门街道", "平山街道", "二塘乡"], streets.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.All(streets.EnumerateArray(), s => Assert.Equal("street", s.GetProperty("level").GetString()));
        Assert.Equal(110, units.GetArrayLength());
        Assert.Equal(440, streetUnits.GetArrayLength());
        Assert.Equal(4, units[0].GetProperty("bbox").GetArrayLength());
        await ProblemAsync(await client.GetAsync("/api/grids?parent=450399"), 404);
    }

    [Fact]
    public async Task One_node_comes_with_its_ancestors_and_children()
    {
        var client = await app.SignInAsync("leader1");

        var street = await GetJsonAsync(client, "/api/grids/450304002");
        var unit = await GetJsonAsync(client, "/api/grids/450304001001001");

        Assert.Equal("南门街道", street.GetProperty("node").GetProperty("name").GetString());
        Assert.Equal(["450300", "450304"], street.GetProperty("ancestors").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.Equal(4, street.GetProperty("children").GetArrayLength());
        Assert.Equal("450304001001-01", unit.GetProperty("responsibilityGrid").GetProperty("code").GetString());
        Assert.Equal(0, unit.GetProperty("children").GetArrayLength());
        await ProblemAsync(await client.GetAsync("/api/grids/450304009"), 404);
    }

    [Fact]
    public async Task Map_layers_are_geojson_per_level()
    {
        var client = await app.SignInAsync("patroller1");

        var response = await client.GetAsync("/api/grids/geojson?level=street");
        var layer = await OkAsync(response);
        var units = await GetJsonAsync(client, "/api/grids/geojson?level=unit&bbox=110.2955,25.2670,110.2965,25.2680");

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FeatureCollection", layer.GetProperty("type").GetString());
        var features = layer.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(4, features.Count);
        Assert.All(features, f => Assert.Equal("Polygon", f.GetProperty("geometry").GetProperty("type").GetString()));
        Assert.Equal("象山街道", features[0].GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("450304", features[0].GetProperty("properties").GetProperty("parent").GetString());
        // The viewport around 象鼻山 straddles one column edge (110.296) and one row edge (25.2675): 2 × 2 unit grids.
        Assert.Equal(4, units.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task The_demo_city_has_no_coverage_gaps()
    {
        var admin = await app.SignInAsync("admin");

        var gaps = await GetJsonAsync(admin, "/api/admin/grids/coverage");

        Assert.Equal(0, gaps.GetArrayLength());
    }
}
