using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Grids.GridApi;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Ledger;

/// <summary>
/// The ledger (台账) finds any case the caller may see: every filter alone and combined, Chinese text, keyset pages
/// that stay put while cases arrive, the boards' scope rules, and bad filter values refused by name.
/// </summary>
public sealed class FindingCases(FindingCases.Cases fixture) : IClassFixture<FindingCases.Cases>
{
    private const string Nanmen = "450304002";
    private const string Component = "4503040117000003";

    /// <summary>
    /// Three cases marked with one made-up Chinese word, so that <c>q=</c> isolates them from the rest of the database:
    /// A, a patrol case reported eight days ago, dispatched, assisted, escalated, reworked and closed, about a component;
    /// B, a hotline call still waiting to be accepted, without a condition;
    /// C, a patrol case at 南门 re-classed as component 0101, suspended after an extension and an overdue step.
    /// </summary>
    public sealed class Cases : DispatchApp
    {
        public string Word { get; } = RandomWord();
        public Guid A { get; private set; }
        public Guid B { get; private set; }
        public Guid C { get; private set; }
        private static readonly string[] Enforcement = ["xs-enforcement"];

        public Guid ConditionOfA { get; private set; }
        public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var patroller = await SignInAsync("patroller1");
            A = await DispatchedPatrolCaseAsync(patroller, $"人行道违停{Word}，窨井盖松动");
            B = (await HotlineReportAsync(await SignInAsync("acceptor1"), description: $"来电：{Word}垃圾满溢")).GetProperty("id").GetGuid();
            C = await ReportAtAsync(this, patroller, (110.275, 25.265), $"南门{Word}占道经营");
            await CaseApi.WaitForStateAsync(patroller, C, "Dispatched");
            await OkAsync(await SignInAsync("dispatcher1"), A, "assist", new { assistingDepartmentKeys = Enforcement, opinion = "协助" });
            ConditionOfA = await QueryAsync(db => db.Cases.Where(c => c.Id == A).Select(c => c.ConditionId!.Value).SingleAsync());
            var component0101 = await QueryAsync(db => db.Categories.Where(c => c.Kind == Domain.Catalogue.CategoryKind.Component && c.Code == "0101")
                .Select(c => c.Id).SingleAsync());
            // The flags and times are the domain's to keep (tested there); here they are set directly to test the filters.
            await SqlAsync($"""
                UPDATE cases SET reported_at = '{Iso(Now.AddDays(-8))}', dispatched_at = '{Iso(Now.AddDays(-7))}', closed_at = '{Iso(Now.AddDays(-1))}',
                    state = 'Closed', escalated = true, rework_count = 1, component_id = '{Component}', light = NULL WHERE id = '{A}';
                UPDATE cases SET condition_id = NULL WHERE id = '{B}';
                UPDATE cases SET state = 'Suspended', extension_count = 1, was_overdue = true, light = 'Red',
                    category_id = '{component0101}', condition_id = NULL WHERE id = '{C}';
                """);
        }

        public Task SqlAsync(string sql) => QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));
    }

    private static string Iso(DateTimeOffset at) => at.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static string RandomWord()
    {
        var random = Random.Shared;
        return new string(Enumerable.Range(0, 3).Select(_ => (char)random.Next(0x4E00, 0x9FA5)).ToArray());
    }

    public static async Task<Guid> ReportAtAsync(DispatchApp app, HttpClient patroller, (double Lon, double Lat) at, string description)
    {
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var response = await patroller.SendAsync(CaseApi.Json(new { categoryId, conditionId, longitude = at.Lon, latitude = at.Lat, description }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> SearchAsync(string user, string query) =>
        await GetJsonAsync(await fixture.SignInAsync(user), $"/api/cases?q={Uri.EscapeDataString(fixture.Word)}&{query}");

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();

    private async Task<string> Found(string query, string user = "dispatcher1")
    {
        var page = await SearchAsync(user, query);
        var names = Ids(page).Select(id => id == fixture.A ? "A" : id == fixture.B ? "B" : id == fixture.C ? "C" : "?").Order();
        Assert.Equal(page.GetProperty("items").GetArrayLength(), page.GetProperty("total").GetInt32());
        return string.Concat(names);
    }

    [Fact]
    public async Task Each_filter_alone_finds_exactly_the_cases_it_describes()
    {
        var since = Uri.EscapeDataString(Iso(fixture.Now.AddDays(-3)));
        var expected = new Dictionary<string, string>
        {
            [""] = "ABC",
            [$"from={since}"] = "BC",
            [$"to={since}"] = "A",
            ["period=dispatched"] = "AC",
            [$"period=closed&from={since}"] = "A",
            ["state=reported"] = "B",
            ["state=closed,suspended"] = "AC",
            ["light=red"] = "C",
            ["source=hotline"] = "B",
            ["source=patrol"] = "AC",
            ["category=event:0505"] = "AB",
            ["category=component:0101-0110"] = "C",
            [$"condition={fixture.ConditionOfA}"] = "A",
            [$"grid={Nanmen}"] = "C",
            ["department=xs-traffic"] = "AC",
            ["department=xs-enforcement"] = "A",
            ["department=xs-enforcement&departmentRole=lead"] = "",
            ["department=xs-enforcement&departmentRole=assisting"] = "A",
            ["reporter=acceptor1"] = "B",
            ["overdue=true"] = "C",
            ["overdue=false"] = "AB",
            ["escalated=true"] = "A",
            ["reworked=true"] = "A",
            ["extended=true"] = "C",
            ["suspended=true"] = "C",
            ["suspended=false"] = "AB",
            [$"component={Component}"] = "A",
        };
        foreach (var (query, cases) in expected)
            Assert.True(cases == await Found(query), $"{query}: expected {cases}, found {await Found(query)}");
    }

    [Fact]
    public async Task Filters_combine_with_and()
    {
        Assert.Equal("A", await Found("source=patrol&escalated=true&state=closed"));
        Assert.Equal("C", await Found("source=patrol&escalated=false&department=xs-traffic"));
        Assert.Equal("", await Found("source=hotline&period=dispatched"));
        Assert.Equal("B", await Found("category=0505&suspended=false&overdue=false&reporter=acceptor1"));
    }

    [Fact]
    public async Task Chinese_text_matches_a_substring_of_the_description_the_number_a_grid_name_and_for_the_command_centre_the_caller()
    {
        var dispatcher = await fixture.SignInAsync("dispatcher1");
        async Task<List<Guid>> Q(HttpClient client, string q) => Ids(await GetJsonAsync(client, $"/api/cases?limit=200&q={Uri.EscapeDataString(q)}"));

        Assert.Contains(fixture.A, await Q(dispatcher, fixture.Word[1..] + "，窨井盖"));
        Assert.Contains(fixture.B, await Q(dispatcher, $"{fixture.Word}垃圾"));
        var number = (await GetJsonAsync(dispatcher, $"/api/cases/{fixture.C}")).GetProperty("number").GetString()!;
        Assert.Equal([fixture.C], await Q(dispatcher, number[^8..]));
        // 南门: the name of the street the case lies in.
        var street = (await GetJsonAsync(dispatcher, $"/api/cases/{fixture.C}")).GetProperty("street").GetProperty("name").GetString()!;
        Assert.Contains(fixture.C, await Q(dispatcher, street));
        Assert.Contains(fixture.B, await Q(dispatcher, "138 0000"));
        // A handler does not see callers, so cannot find a case by one either.
        Assert.DoesNotContain(fixture.B, await Q(await fixture.SignInAsync("handler.xs-traffic"), "138 0000"));
        Assert.Empty(await Q(dispatcher, fixture.Word + "不存在的词"));
    }

    [Fact]
    public async Task The_text_search_uses_the_trigram_index()
    {
        var plan = await fixture.QueryAsync(async db =>
        {
            await using var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            // A small table is cheaper to scan; forbid that to see what the index can do for this predicate.
            await using var command = new Npgsql.NpgsqlCommand(
                "SET enable_seqscan = off; EXPLAIN SELECT id FROM cases WHERE description ILIKE '%窨井盖松动%' OR number ILIKE '%窨井盖松动%'",
                connection);
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new StringBuilder();
            while (await reader.ReadAsync())
                lines.AppendLine(reader.GetString(0));
            return lines.ToString();
        });
        Assert.Contains("ix_cases_description_trgm", plan, StringComparison.Ordinal);
        Assert.Contains("ix_cases_number_trgm", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reportedAt", "A,B,C")]
    [InlineData("-reportedAt", "C,B,A")]
    [InlineData("closedAt", "A,")]
    [InlineData("-closedAt", "A,")]
    [InlineData("dispatchedAt", "A,C,B")]
    public async Task Sorting_orders_the_rows_and_keeps_empty_values_last(string sort, string order)
    {
        var page = await SearchAsync("dispatcher1", $"sort={sort}");
        var found = string.Join(",", Ids(page).Select(id => id == fixture.A ? "A" : id == fixture.B ? "B" : "C"));

        // Rows without the sort's value (not closed yet) come last in either direction, in id order.
        Assert.StartsWith(order, found, StringComparison.Ordinal);
        Assert.Equal(sort, page.GetProperty("sort").GetString());
    }

    [Theory]
    [InlineData("-reportedAt")]
    [InlineData("reportedAt")]
    [InlineData("number")]
    [InlineData("-dispatchedAt")]
    [InlineData("deadline")]
    public async Task Pages_stay_stable_while_new_cases_arrive(string sort)
    {
        var acceptor = await fixture.SignInAsync("acceptor1");
        var word = RandomWord();
        var first = new List<Guid>();
        for (var i = 0; i < 5; i++)
            first.Add((await HotlineReportAsync(acceptor, description: $"{word}第{i}件")).GetProperty("id").GetGuid());
        var dispatcher = await fixture.SignInAsync("dispatcher1");
        var url = $"/api/cases?q={Uri.EscapeDataString(word)}&limit=2&sort={sort}";

        var page = await GetJsonAsync(dispatcher, url);
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        var seen = Ids(page);
        var arrived = new List<Guid>();
        while (page.GetProperty("next").GetString() is { } next)
        {
            arrived.Add((await HotlineReportAsync(acceptor, description: $"{word}新来的")).GetProperty("id").GetGuid());
            page = await GetJsonAsync(dispatcher, $"{url}&cursor={next}");
            Assert.Equal(JsonValueKind.Null, page.GetProperty("total").ValueKind);
            seen.AddRange(Ids(page));
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(first, id => Assert.Contains(id, seen));
        // What arrived while paging sorts either before the cursor (not shown) or after it (shown once).
        Assert.All(seen, id => Assert.True(first.Contains(id) || arrived.Contains(id)));
    }

    [Fact]
    public async Task A_scoped_dispatcher_and_a_handler_see_only_their_cases()
    {
        Assert.Equal("C", await Found("", "dispatcher.nanmen"));
        Assert.Equal("AC", await Found("", "handler.xs-traffic"));
        Assert.Equal("A", await Found("", "handler.xs-enforcement"));
        Assert.Equal("AC", await Found("", "patroller1"));
        var problem = await ProblemAsync(await (await fixture.SignInAsync("dispatcher.nanmen")).GetAsync("/api/cases?grid=450304001"), 400);
        Assert.Contains("outside grid", problem.GetProperty("errors").GetProperty("grid")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("state=flying", "state")]
    [InlineData("light=blue", "light")]
    [InlineData("source=pigeon", "source")]
    [InlineData("period=lunar", "period")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "to")]
    [InlineData("category=12", "category")]
    [InlineData("category=9901", "category")]
    [InlineData("category=plant:0101", "category")]
    [InlineData("condition=abc", "condition")]
    [InlineData("grid=12", "grid")]
    [InlineData("grid=450304099", "grid")]
    [InlineData("department=nobody", "department")]
    [InlineData("departmentRole=lead", "departmentRole")]
    [InlineData("departmentRole=boss&department=xs-traffic", "departmentRole")]
    [InlineData("overdue=maybe", "overdue")]
    [InlineData("escalated=1", "escalated")]
    [InlineData("component=123", "component")]
    [InlineData("sort=colour", "sort")]
    [InlineData("cursor=zzz", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("state=closed&state=reported", "state")]
    public async Task A_bad_filter_value_is_refused_naming_the_parameter(string query, string parameter)
    {
        var response = await (await fixture.SignInAsync("dispatcher1")).GetAsync($"/api/cases?{query}");
        var errors = (await ProblemAsync(response, 400)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), errors.ToString());
    }

    [Fact]
    public async Task Too_long_a_search_text_is_refused()
    {
        var response = await (await fixture.SignInAsync("dispatcher1")).GetAsync($"/api/cases?q={new string('井', 101)}");
        Assert.True((await ProblemAsync(response, 400)).GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task A_cursor_of_another_sort_is_refused()
    {
        var page = await SearchAsync("dispatcher1", "limit=1");
        var next = page.GetProperty("next").GetString();
        var response = await (await fixture.SignInAsync("dispatcher1")).GetAsync($"/api/cases?limit=1&sort=number&cursor={next}");
        Assert.True((await ProblemAsync(response, 400)).GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task The_ledger_needs_a_signed_in_account()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous().GetAsync("/api/cases")).StatusCode);
    }
}
