using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Routing.RoutingApi;

namespace Dispatch.Api.Tests.Components;

/// <summary>The component inventory (部件): the demo census, nearby search for reporters, and all-or-nothing imports.</summary>
public sealed class ComponentInventory(DispatchApp app) : IClassFixture<DispatchApp>
{
    private static readonly double[] LightPoint = [110.2901, 25.2551];

    private static StringContent Body(string text, string mediaType)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    [Fact]
    public async Task The_demo_city_has_three_hundred_components_and_a_reporter_finds_the_nearest_first()
    {
        Assert.Equal(300, await app.QueryAsync(db => db.Components.CountAsync(c => !c.Id.StartsWith("45030401188"))));
        var patroller = await app.SignInAsync("patroller1");
        var pole = await OkAsync(await patroller.GetAsync("/api/components/4503040117000003"));
        var (lon, lat) = (pole.GetProperty("longitude").GetDouble(), pole.GetProperty("latitude").GetDouble());
        Assert.Equal("gl-telecom", pole.GetProperty("owner").GetProperty("key").GetString());

        var near = await OkAsync(await patroller.GetAsync(Invariant($"/api/components?lon={lon}&lat={lat}&radius=300")));

        var distances = near.EnumerateArray().Select(c => c.GetProperty("distanceMetres").GetDouble()).ToList();
        Assert.Equal("4503040117000003", near[0].GetProperty("id").GetString());
        Assert.Equal(0, distances[0], 1);
        Assert.Equal(distances.Order(), distances);
        Assert.All(distances, d => Assert.InRange(d, 0, 300));
        var onlyPoles = await OkAsync(await patroller.GetAsync(Invariant($"/api/components?lon={lon}&lat={lat}&radius=300&categoryId={pole.GetProperty("category").GetProperty("id").GetGuid()}")));
        Assert.All(onlyPoles.EnumerateArray(), c => Assert.Equal("0117", c.GetProperty("category").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Bad_searches_name_the_field_and_an_unknown_component_is_404()
    {
        var patroller = await app.SignInAsync("patroller1");

        Assert.Equal(["lat", "lon"], ErrorFields(await ProblemAsync(await patroller.GetAsync("/api/components"), HttpStatusCode.BadRequest)).Order());
        Assert.Equal(["radius"], ErrorFields(await ProblemAsync(await patroller.GetAsync("/api/components?lon=110.29&lat=25.25&radius=5000"), HttpStatusCode.BadRequest)));
        await ProblemAsync(await patroller.GetAsync("/api/components/4503040117999999"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_census_with_one_bad_row_is_refused_whole_naming_the_row_and_field()
    {
        var admin = await app.SignInAsync("admin");
        const string csv = """
            id,category,owner,maintainer,state,longitude,latitude
            4503040118900001,0118,gl-lighting,路灯所,intact,110.2901,25.2551
            4503040118900002,0118,no-such-owner,路灯所,破损,110.2902,25.2552
            4503040118900003,0103,gl-drainage,,intact,110.2903,25.2553
            """;

        var problem = await ProblemAsync(await admin.PostAsync("/api/admin/components/import", Body(csv, "text/csv")), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["line3.owner", "line4.id"], ErrorFields(problem).Order());
        Assert.Equal(0, await app.QueryAsync(db => db.Components.CountAsync(c => c.Id.StartsWith("45030401189"))));
    }

    [Fact]
    public async Task A_census_is_imported_then_reimporting_changes_nothing_and_geojson_updates_a_state()
    {
        var admin = await app.SignInAsync("admin");
        const string csv = """
            id,category,owner,maintainer,state,longitude,latitude
            4503040118800001,0118,gl-lighting,路灯所,intact,110.2901,25.2551
            4503040118800002,0118,,路灯所,破损,110.2902,25.2552
            """;

        var first = await OkAsync(await admin.PostAsync("/api/admin/components/import", Body(csv, "text/csv")));
        var again = await OkAsync(await admin.PostAsync("/api/admin/components/import", Body(csv, "text/csv")));
        var geojson = JsonSerializer.Serialize(new
        {
            type = "FeatureCollection",
            features = new[]
            {
                new
                {
                    type = "Feature",
                    geometry = new { type = "Point", coordinates = LightPoint },
                    properties = new { id = "4503040118800001", category = "0118", owner = "gl-lighting", maintainer = "路灯所", state = "missing" },
                },
            },
        });
        var updated = await OkAsync(await admin.PostAsync("/api/admin/components/import", Body(geojson, "application/geo+json")));

        Assert.Equal((2, 0, 0), (first.GetProperty("created").GetInt32(), first.GetProperty("updated").GetInt32(), first.GetProperty("unchanged").GetInt32()));
        Assert.Equal((0, 0, 2), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal(1, updated.GetProperty("updated").GetInt32());
        var light = await OkAsync(await admin.GetAsync("/api/components/4503040118800001"));
        Assert.Equal("missing", light.GetProperty("state").GetString());
        var unowned = await OkAsync(await admin.GetAsync("/api/components/4503040118800002"));
        Assert.Equal(JsonValueKind.Null, unowned.GetProperty("owner").ValueKind);
        Assert.Equal("damaged", unowned.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Only_administrators_import_and_only_csv_or_geojson()
    {
        var admin = await app.SignInAsync("admin");
        var dispatcher = await app.SignInAsync("dispatcher1");

        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsync("/api/admin/components/import", Body("id\n", "text/csv"))).StatusCode);
        await ProblemAsync(await admin.PostAsync("/api/admin/components/import", Body("<xml/>", "application/xml")), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(["header"], ErrorFields(await ProblemAsync(await admin.PostAsync("/api/admin/components/import", Body("id,category\n", "text/csv")), HttpStatusCode.BadRequest)));
        Assert.Equal(["body"], ErrorFields(await ProblemAsync(await admin.PostAsync("/api/admin/components/import", Body("{", "application/geo+json")), HttpStatusCode.BadRequest)));
    }
}
