using System.Net;
using System.Text.Json;
using Dispatch.Testing;
using static Dispatch.Api.Tests.Open311.Open311Api;

namespace Dispatch.Api.Tests.Open311;

/// <summary>Discovery, the service list and service definitions, in both formats, as GeoReport v2 lays them out.</summary>
public sealed class DiscoveryAndServices(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Fact]
    public async Task Discovery_names_the_v2_endpoint_with_its_formats_in_xml_and_json()
    {
        var client = app.Anonymous();

        var xml = await XmlAsync(await client.GetAsync("/open311/discovery.xml"));
        Assert.Equal("discovery", xml.Root!.Name.LocalName);
        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], xml.Root.Elements().Select(e => e.Name.LocalName));
        var endpoint = Assert.Single(xml.Root.Element("endpoints")!.Elements("endpoint"));
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.Element("specification")!.Value);
        Assert.EndsWith("/open311/v2", endpoint.Element("url")!.Value, StringComparison.Ordinal);
        Assert.Equal("production", endpoint.Element("type")!.Value);
        Assert.Equal(["text/xml", "application/json"], endpoint.Element("formats")!.Elements("format").Select(f => f.Value));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", xml.Root.Element("changeset")!.Value);

        var json = await JsonAsync(await client.GetAsync($"{Base}/discovery.json"));
        var jsonEndpoint = Assert.Single(json.GetProperty("endpoints").EnumerateArray());
        Assert.Equal(["text/xml", "application/json"], jsonEndpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("key_service").GetString()));
    }

    [Fact]
    public async Task Services_list_every_category_in_use_with_its_kind_as_group()
    {
        var client = app.Anonymous();

        var xml = await XmlAsync(await client.GetAsync($"{Base}/services.xml?jurisdiction_id={Jurisdiction}"));
        Assert.Equal("services", xml.Root!.Name.LocalName);
        var services = xml.Root.Elements().ToList();
        Assert.All(services, s => Assert.Equal("service", s.Name.LocalName));
        var parking = services.Single(s => s.Element("service_code")!.Value == "event-0505");
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
            parking.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(("true", "realtime", "事件"), (parking.Element("metadata")!.Value, parking.Element("type")!.Value, parking.Element("group")!.Value));
        var cover = services.Single(s => s.Element("service_code")!.Value == "component-0101");
        Assert.Equal(("上水井盖", "部件"), (cover.Element("service_name")!.Value, cover.Element("group")!.Value));
        Assert.Contains("缺失", cover.Element("description")!.Value, StringComparison.Ordinal);

        var json = await JsonAsync(await client.GetAsync($"{Base}/services.json"));
        Assert.Equal(services.Count, json.GetArrayLength());
        var jsonCover = json.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "component-0101");
        Assert.Equal(("上水井盖", true, "realtime"), (jsonCover.GetProperty("service_name").GetString(),
            jsonCover.GetProperty("metadata").GetBoolean(), jsonCover.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_service_definition_offers_the_filing_conditions_as_a_single_value_list()
    {
        var client = app.Anonymous();

        var xml = await XmlAsync(await client.GetAsync($"{Base}/services/component-0101.xml?jurisdiction_id={Jurisdiction}"));
        Assert.Equal("service_definition", xml.Root!.Name.LocalName);
        Assert.Equal("component-0101", xml.Root.Element("service_code")!.Value);
        var attributes = xml.Root.Element("attributes")!.Elements().ToList();
        Assert.All(attributes, a => Assert.Equal("attribute", a.Name.LocalName));
        var condition = attributes.Single(a => a.Element("code")!.Value == "condition");
        Assert.Equal(("true", "singlevaluelist", "false", "1"), (condition.Element("variable")!.Value, condition.Element("datatype")!.Value,
            condition.Element("required")!.Value, condition.Element("order")!.Value));
        var values = condition.Element("values")!.Elements("value").ToList();
        Assert.Equal(["缺失", "破损"], values.Select(v => v.Element("name")!.Value).Take(2));
        Assert.All(values, v => Assert.True(Guid.TryParse(v.Element("key")!.Value, out _)));
        var component = attributes.Single(a => a.Element("code")!.Value == "component_id");
        Assert.Equal("string", component.Element("datatype")!.Value);

        var json = await JsonAsync(await client.GetAsync($"{Base}/services/component-0101.json"));
        var jsonCondition = json.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "condition");
        Assert.Equal(values.Select(v => v.Element("key")!.Value),
            jsonCondition.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));
        Assert.Equal(JsonValueKind.False, jsonCondition.GetProperty("required").ValueKind);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task An_unknown_service_code_or_jurisdiction_is_a_404_in_the_requested_format(string format)
    {
        var client = app.Anonymous();

        var unknown = await client.GetAsync($"{Base}/services/event-9999.{format}");
        var otherCity = await client.GetAsync($"{Base}/services.{format}?jurisdiction_id=another.city.gov");

        var errors = format == "xml"
            ? (await XmlErrorsAsync(unknown, HttpStatusCode.NotFound)).Concat(await XmlErrorsAsync(otherCity, HttpStatusCode.NotFound))
            : (await JsonErrorsAsync(unknown, HttpStatusCode.NotFound)).Concat(await JsonErrorsAsync(otherCity, HttpStatusCode.NotFound));
        Assert.Collection(errors,
            e => Assert.Contains("event-9999", e, StringComparison.Ordinal),
            e => Assert.Contains("another.city.gov", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_path_nothing_serves_answers_the_specs_error_not_the_frontend_page()
    {
        var response = await app.Anonymous().GetAsync($"{Base}/nothing-here.xml");

        Assert.Contains("nothing-here", Assert.Single(await XmlErrorsAsync(response, HttpStatusCode.NotFound)), StringComparison.Ordinal);
    }
}
