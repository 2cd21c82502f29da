using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Lifecycle;

/// <summary>
/// Every bad action body gets a 4xx problem+json naming the field at fault and leaves the case as it was: same
/// version, no trace row, no photo, no outbox row.
/// </summary>
public sealed class RefusingBadActions(DispatchApp app) : IClassFixture<DispatchApp>
{
    public static TheoryData<string, string, string, string, string, string> BadJson => new()
    {
        // why, user, state to bring the case to, action, JSON body, field named
        { "return without a reason", "handler.xs-traffic", "Dispatched", "return", """{"opinion":"not ours"}""", "reason" },
        { "return with a blank reason", "handler.xs-traffic", "Dispatched", "return", """{"reason":"   "}""", "reason" },
        { "dispatch without a department", "dispatcher1", "Dispatched", "dispatch", "{}", "departmentKey" },
        { "dispatch to no such department", "dispatcher1", "Dispatched", "dispatch", """{"departmentKey":"nowhere"}""", "departmentKey" },
        { "extension without a limit", "handler.xs-traffic", "Handling", "request-extension", """{"unit":"working_days"}""", "limit" },
        { "extension in an unknown unit", "handler.xs-traffic", "Handling", "request-extension", """{"limit":2,"unit":"fortnights"}""", "unit" },
        { "extension of half a working day", "handler.xs-traffic", "Handling", "request-extension", """{"limit":1.5,"unit":"working_days"}""", "limit" },
        { "extension of negative time", "handler.xs-traffic", "Handling", "request-extension", """{"limit":-2,"unit":"working_hours"}""", "limit" },
        { "extension with three decimals", "handler.xs-traffic", "Handling", "request-extension", """{"limit":0.125,"unit":"working_hours"}""", "limit" },
        { "approval with a limit but no unit", "dispatcher1", "Handling", "approve-extension", """{"limit":2}""", "unit" },
        { "check without a verdict", "patroller1", "Checking", "check", """{"opinion":"ok"}""", "passed" },
        { "failed check without an opinion", "patroller1", "Checking", "check", """{"passed":false}""", "opinion" },
        { "check with a verdict that is not a boolean", "patroller1", "Checking", "check", """{"passed":"yes"}""", "passed" },
        { "escalation without an instruction", "leader1", "Dispatched", "escalate", """{"opinion":"hurry"}""", "instruction" },
        { "callback without the answer", "acceptor1", "Dispatched", "callback", "{}", "satisfied" },
        { "opinion over 2000 characters", "handler.xs-traffic", "Dispatched", "sign", JsonSerializer.Serialize(new { opinion = new string('长', 2001) }), "opinion" },
        { "version 0", "handler.xs-traffic", "Dispatched", "sign", """{"expectedVersion":0}""", "expectedVersion" },
        { "broken JSON", "handler.xs-traffic", "Dispatched", "sign", """{"opinion": """, "body" },
        { "a JSON array", "handler.xs-traffic", "Dispatched", "sign", "[1,2]", "body" },
    };

    [Theory]
    [MemberData(nameof(BadJson))]
    public async Task A_bad_json_body_is_refused_naming_the_field(string why, string user, string state, string action, string json, string field)
    {
        var id = await CaseInStateAsync(state);
        var before = await FootprintAsync(app, id);
        var client = await app.SignInAsync(user);

        var response = await client.PostAsync($"/api/cases/{id}/{action}", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, 400, field, why);
        Assert.Equal(before, await FootprintAsync(app, id));
    }

    [Fact]
    public async Task Photos_on_an_action_that_takes_none_are_refused()
    {
        var id = await CaseInStateAsync("Dispatched");
        var before = await FootprintAsync(app, id);
        var handler = await app.SignInAsync("handler.xs-traffic");

        var response = await handler.PostAsync($"/api/cases/{id}/sign", Form(("photos", CaseApi.Png)));

        await AssertProblemAsync(response, 400, "photos", "photos on sign");
        Assert.Equal(before, await FootprintAsync(app, id));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_by_its_content()
    {
        var id = await CaseInStateAsync("Handling");
        var before = await FootprintAsync(app, id);
        var handler = await app.SignInAsync("handler.xs-traffic");

        var response = await handler.PostAsync($"/api/cases/{id}/feedback", Form(("photos", "%PDF-1.7 not an image"u8.ToArray())));

        await AssertProblemAsync(response, 415, "photos[0]", "a PDF as a photo");
        Assert.Equal(before, await FootprintAsync(app, id));
    }

    [Fact]
    public async Task A_form_field_of_the_wrong_type_is_refused()
    {
        var id = await CaseInStateAsync("Checking");
        var before = await FootprintAsync(app, id);
        var patroller = await app.SignInAsync("patroller1");
        var form = Form(("photos", CaseApi.Png));
        form.Add(new StringContent("perhaps"), "passed");

        var response = await patroller.PostAsync($"/api/cases/{id}/check", form);

        await AssertProblemAsync(response, 400, "passed", "passed=perhaps");
        Assert.Equal(before, await FootprintAsync(app, id));
    }

    [Fact]
    public async Task A_body_of_another_media_type_is_415()
    {
        var id = await CaseInStateAsync("Dispatched");
        var before = await FootprintAsync(app, id);
        var handler = await app.SignInAsync("handler.xs-traffic");

        var response = await handler.PostAsync($"/api/cases/{id}/sign", new StringContent("sign it", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await FootprintAsync(app, id));
    }

    [Theory]
    [InlineData("not-a-version", null, "If-Match")]
    [InlineData("\"0\"", null, "If-Match")]
    [InlineData("\"4\"", 3, "expectedVersion")]
    public async Task A_bad_or_contradicting_If_Match_is_refused(string ifMatch, int? expectedVersion, string field)
    {
        var id = await CaseInStateAsync("Dispatched");
        var before = await FootprintAsync(app, id);
        var handler = await app.SignInAsync("handler.xs-traffic");

        var response = await ActAsync(handler, id, "sign", expectedVersion is null ? null : new { expectedVersion }, ifMatch);

        await AssertProblemAsync(response, 400, field, ifMatch);
        Assert.Equal(before, await FootprintAsync(app, id));
    }

    /// <summary>A patrol case (dispatched to xs-traffic by the system) taken on to <paramref name="state"/> through the API.</summary>
    private async Task<Guid> CaseInStateAsync(string state)
    {
        var id = await DispatchedPatrolCaseAsync(await app.SignInAsync("patroller2"), $"bad input, {state}");
        if (state == "Dispatched")
            return id;
        var handler = await app.SignInAsync("handler.xs-traffic");
        await OkAsync(handler, id, "sign");
        if (state == "Handling")
            return id;
        await OkAsync(handler, id, "feedback", new { opinion = "已处理" });
        await OkAsync(await app.SignInAsync("acceptor1"), id, "request-check");
        Assert.Equal("Checking", state);
        return id;
    }

    private static MultipartFormDataContent Form(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
            form.Add(new ByteArrayContent(bytes), name, "file.bin");
        return form;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string field, string why)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{why}: expected {status}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{why}: no error for '{field}' in {text}");
        Assert.NotEmpty(messages.EnumerateArray());
    }
}
