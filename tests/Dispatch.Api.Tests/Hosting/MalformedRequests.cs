using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit.Abstractions;

namespace Dispatch.Api.Tests.Hosting;

/// <summary>
/// What an attacker and a careless client send, to every endpoint the host maps: malformed JSON, fields of the wrong
/// kind (NUL and control characters, NaN and infinities, nulls in lists, enums as numbers or flag lists), broken
/// multipart bodies, bad query strings, path segments and headers, oversized and chunked bodies. None may get a 5xx,
/// every 4xx under /api is problem+json, and no row of any table is written.
/// </summary>
public sealed class MalformedRequests(MalformedRequests.QuietApp app, ITestOutputHelper output) : IClassFixture<MalformedRequests.QuietApp>
{
    /// <summary>The whole host, logging only what is critical: thousands of refused requests would otherwise be logged one by one.</summary>
    public sealed class QuietApp : DispatchApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Critical));
        }
    }

    /// <summary>Text that no field accepts.</summary>
    private static readonly string[] BadText = ["\u0000", "a\u0001b", "\u007f", "\u0085", "x\udc00y"];

    /// <summary>Values for query strings and path segments, already escaped for a URL.</summary>
    private static readonly string[] BadUrlValues =
    [
        "%00", "a%01b", "%C2%85", "%ED%A0%80", "NaN", "Infinity", "NaN,NaN,NaN,NaN", "Infinity,0,1,1", "1e400", "-1",
        "99999999999999999999", "4", "Public,Video", "2026-11-21T09:30:00%2B08:00", "2026-13-45",
        "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "%27%22", "..%2F..%2Fetc", new string('x', 3000), "%E2%80%AE",
    ];

    private static readonly string[] BrokenJson =
    [
        "{", "[", "nul", "{\"a\":}", "{\"a\":1,}", "\"\\u0000\"", "\uFEFF{garbage", "{'a':1}",
        new string('[', 2000), "{\"a\":1}{\"b\":2}", "0", "-", "1e400", "NaN", "true", "\"text\"", "[null]",
    ];

    [Fact]
    public async Task No_malformed_request_gets_a_5xx_a_non_problem_answer_or_writes_a_row()
    {
        var admin = await app.SignInAsync("admin");
        // Reports are taken from patrollers and acceptors only (an administrator gets 403 before the body is read);
        // actions read the body before they look at the caller, so one other role besides the administrator will do.
        var reporters = new[] { await app.SignInAsync("patroller1"), await app.SignInAsync("acceptor1") };
        var handler = await app.SignInAsync("handler.xs-traffic");
        var caseId = await ReportOneCaseAsync(reporters[0]);
        var before = await QuietRowCountsAsync();

        var requests = new List<(HttpClient Client, Func<HttpRequestMessage> Make)>();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api", StringComparison.Ordinal)
                && raw != "/api/auth/logout")
            .ToList();
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} endpoints found");
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST", "PUT", "DELETE"];
            var takesForms = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Any(a => a.ContentTypes.Contains("multipart/form-data"));
            var isReport = endpoint.RoutePattern.RawText!.TrimEnd('/') == "/api/cases";
            HttpClient[] clients = !takesForms ? [admin] : isReport ? reporters : [admin, handler];
            foreach (var method in methods)
            {
                foreach (var client in clients)
                {
                    // The administrator gets every kind; other roles the bodies, which is where their paths differ.
                    foreach (var make in RequestsFor(endpoint, new HttpMethod(method), caseId, takesForms, everything: client == clients[0]))
                        requests.Add((client, make));
                }
            }
        }

        var failures = new ConcurrentQueue<string>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var fiveHundreds = 0;
        using var gate = new SemaphoreSlim(12);
        await Task.WhenAll(requests.Select(async r =>
        {
            await gate.WaitAsync();
            try
            {
                using var request = r.Make();
                var what = $"{request.Method} {request.RequestUri}";
                HttpResponseMessage response;
                try
                {
                    response = await r.Client.SendAsync(request);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures.Enqueue($"threw {e.GetType().Name} {what}: {Shorten(e.Message)}");
                    return;
                }
                using var _ = response;
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    Interlocked.Increment(ref fiveHundreds);
                    failures.Enqueue($"{status} {what}: {Shorten(await response.Content.ReadAsStringAsync())}");
                }
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Enqueue($"{status} {response.Content.Headers.ContentType?.MediaType ?? "no body"} {what}");
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        var summary = $"Malformed requests sent: {requests.Count} to {endpoints.Count} endpoints in {watch.Elapsed.TotalSeconds:0} s; 5xx seen: {fiveHundreds}.";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers, e.g.:\n{string.Join('\n', failures.Take(25))}");
        Assert.True(requests.Count > endpoints.Count * 100, $"only {requests.Count} requests");
        var after = await RowCountsAsync();
        Assert.Equal(before.Where(kv => kv.Value != after.GetValueOrDefault(kv.Key)).ToList(), []);
    }

    /// <summary>The malformed requests one endpoint gets from one caller with one method.</summary>
    private static IEnumerable<Func<HttpRequestMessage>> RequestsFor(RouteEndpoint endpoint, HttpMethod method, Guid caseId, bool takesForms,
        bool everything)
    {
        var pattern = endpoint.RoutePattern;
        var good = pattern.Parameters.ToDictionary(p => p.Name, p => PlausibleValue(p.Name, caseId));
        string Url(IReadOnlyDictionary<string, string> values, string query = "")
        {
            var path = pattern.RawText!;
            foreach (var p in pattern.Parameters)
            {
                var start = path.IndexOf("{" + (p.IsCatchAll ? "**" : "") + p.Name, StringComparison.Ordinal);
                var end = path.IndexOf('}', start);
                path = path[..start] + values[p.Name] + path[(end + 1)..];
            }
            return path + query;
        }
        var url = Url(good);

        // Path segments.
        foreach (var parameter in pattern.Parameters.Where(_ => everything))
        {
            // A NUL in the path never reaches the application: the server refuses the request line (Kestrel with 400).
            foreach (var bad in BadUrlValues.Where(v => v != "%00"))
            {
                var values = new Dictionary<string, string>(good) { [parameter.Name] = bad };
                var target = Url(values);
                yield return () => Request(method, target, "{\"expectedVersion\": \"x\"}", "application/json");
            }
        }

        // Query strings: every simple parameter of the handler that the route does not bind.
        var queryNames = QueryParameters(endpoint).Where(_ => everything).ToList();
        foreach (var name in queryNames)
        {
            foreach (var bad in BadUrlValues)
            {
                var target = url + $"?{name}={bad}";
                yield return () => Request(method, target, "{\"expectedVersion\": \"x\"}", "application/json");
            }
        }
        foreach (var bad in BadUrlValues.Take(everything ? 10 : 0))
        {
            var all = url + "?" + string.Join('&', queryNames.Append("unknown%00").Select(n => $"{n}={bad}"));
            yield return () => Request(method, all, "{\"expectedVersion\": \"x\"}", "application/json");
        }

        if (method == HttpMethod.Get || method == HttpMethod.Delete)
            yield break;

        // JSON bodies: broken syntax, then each field of every request shape given a value no field of its kind takes.
        var isReport = pattern.RawText!.TrimEnd('/') == "/api/cases";
        foreach (var json in BrokenJson.Where(_ => everything || isReport))
            yield return () => Request(method, url, json, "application/json");
        var declared = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Any(a => a.RequestType is not null);
        foreach (var (field, values) in BadFields(endpoint))
        {
            // Endpoints that declare no shape get every shape's fields, with fewer values each.
            foreach (var value in values.Take(declared ? values.Length : 3))
            {
                var body = BaseBody(isReport, field, value);
                yield return () => Request(method, url, body, "application/json");
            }
        }
        // Other roles than the administrator get the fields above: the rest is read before the caller matters.
        if (!everything && !isReport)
            yield break;
        yield return () => Chunked(method, url, "{\"description\": \"" + new string('x', 100 * 1024) + "\"}", "application/json");
        yield return () => Request(method, url, "{\"description\": \"" + new string('x', 70 * 1024) + "\"}", "application/json");
        yield return () => Request(method, url, "categoryId=%00", "application/x-www-form-urlencoded");
        yield return () => Request(method, url, "not json", "text/plain");
        yield return () => Request(method, url, "{\"expectedVersion\":\"x\"}", "application/json; charset=utf-7");

        // Headers.
        foreach (var (header, value) in new[]
                 {
                     ("If-Match", "abc"), ("If-Match", "W/\"0\""), ("If-Match", "\"99999999999\""), ("If-Match", "\"-1\""),
                     ("Idempotency-Key", new string('k', 101)), ("Idempotency-Key", "has space"), ("Idempotency-Key", "\u00e9"),
                 }.Where(_ => everything))
        {
            yield return () =>
            {
                var request = Request(method, url, "{\"expectedVersion\": 0}", "application/json");
                request.Headers.TryAddWithoutValidation(header, value);
                return request;
            };
        }

        // Multipart bodies, to every endpoint (those that take no forms must refuse them too).
        foreach (var (contentType, body) in BrokenForms().Where(_ => everything || takesForms))
            yield return () => Request(method, url, body, contentType);
        if (takesForms)
        {
            // Actions ignore a report's fields, so they get only fields they read: every request must be malformed.
            foreach (var (field, value) in BadFormFields().Where(f => isReport || ActionFormFields.Contains(f.Field)))
                yield return () => Form(method, url, field, value, isReport);
        }
    }

    private static string PlausibleValue(string name, Guid caseId) => name switch
    {
        "id" => caseId.ToString(),
        "year" => "2027",
        "key" => "xs-traffic",
        "code" => "450304",
        "userName" => "nobody-by-this-name",
        "areaClass" => "A",
        _ when name.EndsWith("Id", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
        _ => "x",
    };

    private static IEnumerable<string> QueryParameters(RouteEndpoint endpoint)
    {
        var method = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
        if (method is null)
            return [];
        var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return method.GetParameters()
            .Where(p => p.Name is not null && !route.Contains(p.Name) && IsSimple(Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Select(p => p.Name!);
    }

    private static bool IsSimple(Type t) =>
        t == typeof(string) || t.IsPrimitive || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t.IsEnum;

    private static readonly HashSet<string> ActionFormFields = new(StringComparer.Ordinal)
    {
        "opinion", "reason", "instruction", "departmentKey", "unit", "assistingDepartmentKeys", "limit", "expectedVersion",
        "passed", "satisfied", "categoryId", "conditionId",
    };

    /// <summary>
    /// Each field of the endpoint's request shape (of every shape when it declares none), with values that no field
    /// of its kind takes whatever the endpoint does with it: wrong JSON types, refused text, non-finite numbers,
    /// nulls in lists. (A value that is merely out of range could be valid for an endpoint that ignores the field.)
    /// </summary>
    private static IEnumerable<(string Field, string[] Values)> BadFields(RouteEndpoint endpoint)
    {
        var declared = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Select(a => a.RequestType).OfType<Type>().ToList();
        var shapes = declared.Count > 0 ? declared : typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Name.EndsWith("Request", StringComparison.Ordinal) && t.IsClass).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in shapes.SelectMany(t => t.GetProperties()))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!seen.Add(name))
                continue;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            string[] strings = [.. BadText.Select(JsonText), "123", "{}", "[1]", "true"];
            yield return (name, type switch
            {
                _ when name == "source" => [.. strings, "\"4\"", "\"Public,Video\"", "\"1\""],
                _ when type == typeof(string) => strings,
                _ when type == typeof(double) || type == typeof(decimal) || type == typeof(int) =>
                    ["\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "1e400", "-1e400", "\"abc\"", "{}", "true", "\"\\u0000\""],
                _ when type == typeof(bool) => ["\"yes\"", "2", "{}", "\"\\u0000\""],
                _ when type == typeof(Guid) => ["\"not-a-guid\"", "1", "\"\\u0000\"", "\"00000000-0000-0000-0000-00000000000g\""],
                _ when type == typeof(DateTimeOffset) || type == typeof(DateOnly) => ["\"2026-13-45\"", "\"yesterday\"", "1"],
                _ when typeof(System.Collections.IEnumerable).IsAssignableFrom(type) =>
                    ["[null]", "[\"a\", null]", "[1]", "[{}]", "[\"\\u0000\"]", "\"x\"", "[\"\\ud800\"]"],
                _ => strings,
            });
        }
    }

    /// <summary>A JSON string literal with every character outside printable ASCII escaped (lone surrogates too).</summary>
    private static string JsonText(string text) =>
        "\"" + string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";

    /// <summary>A body that is right but for <paramref name="field"/>: a report's fields, or nothing else for other endpoints.</summary>
    private static string BaseBody(bool isReport, string field, string value)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (isReport)
        {
            fields["categoryId"] = JsonSerializer.Serialize(Guid.Empty);
            fields["longitude"] = "110.29";
            fields["latitude"] = "25.255";
            fields["description"] = "\"malformed\"";
        }
        fields[field] = value;
        return "{" + string.Join(',', fields.Select(kv => $"\"{kv.Key}\":{kv.Value}")) + "}";
    }

    /// <summary>Multipart bodies that do not parse, or parse into something refused; each also malformed for an action.</summary>
    private static IEnumerable<(string ContentType, string Body)> BrokenForms()
    {
        const string b = "XyZ123";
        var type = $"multipart/form-data; boundary={b}";
        var png = Encoding.Latin1.GetString(CaseApi.Png);
        var badVersion = $"--{b}\r\nContent-Disposition: form-data; name=\"expectedVersion\"\r\n\r\nabc\r\n";
        yield return ("multipart/form-data", "abc");
        yield return (type, "abc");
        yield return (type, $"--{b}\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nno end");
        yield return (type, $"--{b}\r\n\r\nno content disposition\r\n--{b}--\r\n");
        yield return (type, $"--{b}\r\nContent-Type: text/plain\r\n\r\nno content disposition\r\n--{b}--\r\n");
        yield return (type, $"--{b}\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"a\"b.png\"\r\nContent-Type: image/png\r\n\r\n{png}\r\n--{b}--\r\n");
        yield return (type, $"--{b}\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"\"\r\nContent-Type: image/png\r\n\r\n{png}\r\n--{b}--\r\n");
        yield return (type, $"--{b}\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"a\u0000.png\"\r\n\r\n{png}\r\n--{b}--\r\n");
        yield return (type, $"--{b}\r\nContent-Disposition: form-data; name=\"de\u0001sc\"\r\n\r\nx\r\n--{b}--\r\n");
        yield return (type, $"--{b}\r\nContent-Disposition: form-data; name=\"opinion\"\r\n\r\nnul\u0000here\r\n--{b}--\r\n");
        yield return (type, $"{badVersion}--{b}\r\nContent-Disposition: attachment; name=\"x\"\r\n\r\nx\r\n--{b}--\r\n");
        yield return (type, $"{badVersion}--{b}\r\nContent-Disposition: form-data\r\n\r\nnameless\r\n--{b}--\r\n");
        yield return (type, $"--{b}\r\nContent-Disposition: form-data; name=\"x\"\r\n{new string('h', 20_000)}: y\r\n\r\nx\r\n--{b}--\r\n");
        yield return ($"multipart/form-data; boundary={new string('b', 100)}", $"--{new string('b', 100)}\r\n\r\n");
        yield return ("multipart/form-data; boundary=", "--\r\n");
        yield return ("multipart/form-data; boundary=\"unterminated", "--unterminated\r\n");
        yield return (type, string.Concat(Enumerable.Range(0, 1100).Select(i => $"--{b}\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nx\r\n")) + $"--{b}--\r\n");
    }

    /// <summary>Form fields no action or report takes, each sent beside an otherwise plausible report.</summary>
    private static IEnumerable<(string Field, string Value)> BadFormFields()
    {
        // Lone surrogates cannot travel in UTF-8 form fields; the JSON cases send them.
        foreach (var text in BadText.Where(t => !t.Any(char.IsSurrogate)))
        {
            foreach (var field in new[] { "description", "opinion", "reason", "instruction", "departmentKey", "unit", "source", "callerName", "componentId", "assistingDepartmentKeys" })
                yield return (field, text);
        }
        foreach (var number in new[] { "NaN", "Infinity", "-Infinity", "1e400", "abc" })
        {
            foreach (var field in new[] { "longitude", "latitude", "limit", "expectedVersion" })
                yield return (field, number);
        }
        foreach (var value in new[] { "4", "1", "Public,Video", "0x1" })
            yield return ("source", value);
        foreach (var value in new[] { "maybe", "2", "\u0000" })
        {
            yield return ("passed", value);
            yield return ("satisfied", value);
            yield return ("selfHandled", value);
        }
        foreach (var value in new[] { "not-a-guid", "\u0000" })
        {
            yield return ("categoryId", value);
            yield return ("conditionId", value);
        }
    }

    private static HttpRequestMessage Form(HttpMethod method, string url, string field, string value, bool isReport)
    {
        var form = new MultipartFormDataContent();
        if (isReport)
        {
            form.Add(new StringContent(Guid.Empty.ToString()), "categoryId");
            form.Add(new StringContent(CaseApi.Longitude.ToString(CultureInfo.InvariantCulture)), "longitude");
            form.Add(new StringContent(CaseApi.Latitude.ToString(CultureInfo.InvariantCulture)), "latitude");
        }
        form.Add(new StringContent(value), field);
        var request = new HttpRequestMessage(method, url) { Content = form };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string? body, string? contentType)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    /// <summary>A body sent without a length, as a chunked request is.</summary>
    private static HttpRequestMessage Chunked(HttpMethod method, string url, string body, string contentType)
    {
        var request = new HttpRequestMessage(method, url) { Content = new UnsizedContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static async Task<Guid> ReportOneCaseAsync(HttpClient patroller)
    {
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var response = await patroller.SendAsync(CaseApi.Json(new { categoryId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "target" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await CaseApi.WaitForStateAsync(patroller, id, "Dispatched");
        return id;
    }

    /// <summary>Row counts once the case's messages have settled (two reads a moment apart agree).</summary>
    private async Task<Dictionary<string, long>> QuietRowCountsAsync()
    {
        var previous = await RowCountsAsync();
        return await DispatchApp.EventuallyAsync(async () =>
        {
            var now = await RowCountsAsync();
            var same = now.Count == previous.Count && now.All(kv => previous.GetValueOrDefault(kv.Key, -1) == kv.Value);
            previous = now;
            return same ? now : null;
        }, counts => counts is not null, "row counts to settle") ?? [];
    }

    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] : text;
}
