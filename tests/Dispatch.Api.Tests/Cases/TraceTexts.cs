using System.Globalization;
using System.Text.RegularExpressions;
using Dispatch.Api.Features.Cases.Queries;
using Dispatch.Domain.Calendar;
using Dispatch.Domain.Cases;
using Template = Dispatch.Api.Features.Cases.Queries.TraceText.Template;

namespace Dispatch.Api.Tests.Cases;

/// <summary>
/// Trace lines in the viewer's language: every code the domain can write has a sentence in Chinese and in English,
/// and no sentence shows a department key, a rule id, a grid code or an English step or level name where a name
/// is known.
/// </summary>
public sealed partial class TraceTexts
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly Guid RuleId = Guid.Parse("0193a5b4-7c1e-7a00-8000-000000000001");
    private static readonly Guid CategoryId = Guid.Parse("0193a5b4-7c1e-7a00-8000-000000000002");
    private static readonly Guid ConditionId = Guid.Parse("0193a5b4-7c1e-7a00-8000-000000000003");

    private static readonly TraceNames Names = new(
        departments: new Dictionary<string, Template>
        {
            ["gl-drainage"] = new("桂林市排水公司", "Guilin Drainage Company"),
            ["xs-enforcement"] = new("象山区城管执法局", "Xiangshan Enforcement Bureau"),
        },
        rules: new Dictionary<Guid, Template> { [RuleId] = new("井盖缺失 · 象山区", "Missing manhole cover · 象山区") },
        grids: new Dictionary<string, string> { ["450304001"] = "象山街道" },
        categories: new Dictionary<Guid, Template> { [CategoryId] = new("井盖缺失", "Missing manhole cover") },
        conditions: new Dictionary<Guid, Template> { [ConditionId] = new("主干道", "Main road") },
        people: new Dictionary<string, string> { ["dispatcher1"] = "李派遣" });

    /// <summary>Parameters for every code, as the domain writes them, with keys the names above resolve.</summary>
    private static Dictionary<string, string> ParametersOf(string code) => code switch
    {
        TraceCodes.Dispatch => new Dictionary<string, string> { [TraceParameters.DepartmentKey] = "gl-drainage" },
        TraceCodes.DispatchRule => new Dictionary<string, string> { [TraceParameters.DepartmentKey] = "gl-drainage", [TraceParameters.RuleId] = RuleId.ToString() },
        TraceCodes.Assist => new Dictionary<string, string> { [TraceParameters.DepartmentKeys] = "gl-drainage,xs-enforcement" },
        TraceCodes.EscalateAuto => new Dictionary<string, string> { [TraceParameters.Level] = "street", [TraceParameters.Target] = "450304001" },
        TraceCodes.Warn or TraceCodes.Overdue => new Dictionary<string, string> { [TraceParameters.Stage] = "handle" },
        TraceCodes.RequestExtension or TraceCodes.ApproveExtension =>
            new Dictionary<string, string> { [TraceParameters.Limit] = "2", [TraceParameters.Unit] = "working_days" },
        TraceCodes.FileRecategorized =>
            new Dictionary<string, string> { [TraceParameters.CategoryId] = CategoryId.ToString(), [TraceParameters.ConditionId] = ConditionId.ToString() },
        TraceCodes.MarkUnroutable => new Dictionary<string, string> { [TraceParameters.Reason] = UnroutableReasons.NoRule },
        _ => new Dictionary<string, string>(),
    };

    public static TheoryData<string> Codes => new(TraceCodes.All);

    [Fact]
    public void Every_code_the_domain_writes_has_a_chinese_and_an_english_sentence()
    {
        var missing = TraceCodes.All
            .Where(code => TraceText.TemplateOf(code) is not { } t || !Cjk().IsMatch(t.Zh) || string.IsNullOrWhiteSpace(t.En) || Cjk().IsMatch(t.En))
            .ToList();

        Assert.True(missing.Count == 0, $"Codes without a zh and an en sentence: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_step_level_reason_and_unit_has_words_in_both_languages()
    {
        Assert.Equal(Enum.GetValues<CaseStage>().Select(s => s.Name()).Order(), TraceText.Stages.Keys.Order());
        Assert.Equal(Enum.GetValues<EscalationLevel>().Select(l => l.Name()).Order(), TraceText.Levels.Keys.Order());
        Assert.Equal(UnroutableReasons.All.Order(), TraceText.Reasons.Keys.Order());
        Assert.Equal(Enum.GetValues<TimeLimitUnit>().Select(TimeLimit.UnitName).Order(), TraceText.Units.Keys.Order());
        Assert.All(TraceText.Stages.Values.Concat(TraceText.Levels.Values).Concat(TraceText.Reasons.Values).Concat(TraceText.Units.Values),
            words => Assert.True(Cjk().IsMatch(words.Zh) && !Cjk().IsMatch(words.En), $"{words.Zh} / {words.En}"));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_code_reads_in_both_languages_without_keys_ids_or_codes(string code)
    {
        var parameters = ParametersOf(code);

        var zh = TraceText.Render(code, parameters, Names, Zh);
        var en = TraceText.Render(code, parameters, Names, En);

        foreach (var text in new[] { zh, en })
        {
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            Assert.DoesNotContain("[", text, StringComparison.Ordinal);
            // Keys, ids, grid codes and unit names never show; a plain word such as "street" may, in English.
            foreach (var raw in parameters.Values.Where(v => v != "2" && (text == zh || !PlainWord().IsMatch(v))))
                Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
            Assert.DoesNotContain("gl-drainage", text, StringComparison.Ordinal);
        }
        Assert.Matches(Cjk(), zh);
        // The Chinese line uses no English words (step, level, unit, reason); the English one begins with a capital.
        Assert.DoesNotMatch(AsciiWord(), zh);
        Assert.True(char.IsUpper(en[0]), en);
        Assert.NotEqual(zh, en);
    }

    [Fact]
    public void Sweeps_and_rule_dispatches_read_with_names_in_each_language()
    {
        Assert.Equal("超时自动督办：象山街道", TraceText.Render(TraceCodes.EscalateAuto, ParametersOf(TraceCodes.EscalateAuto), Names, Zh));
        Assert.Equal("Escalated automatically to 象山街道 (street)", TraceText.Render(TraceCodes.EscalateAuto, ParametersOf(TraceCodes.EscalateAuto), Names, En));
        Assert.Equal("已超过处置时限", TraceText.Render(TraceCodes.Overdue, ParametersOf(TraceCodes.Overdue), Names, Zh));
        Assert.Equal("Handling time limit exceeded", TraceText.Render(TraceCodes.Overdue, ParametersOf(TraceCodes.Overdue), Names, En));
        Assert.Equal("按派遣规则「井盖缺失 · 象山区」派遣至桂林市排水公司",
            TraceText.Render(TraceCodes.DispatchRule, ParametersOf(TraceCodes.DispatchRule), Names, Zh));
        Assert.Equal("协办单位：桂林市排水公司、象山区城管执法局", TraceText.Render(TraceCodes.Assist, ParametersOf(TraceCodes.Assist), Names, Zh));
        Assert.Equal("Extension approved: 2 working days", TraceText.Render(TraceCodes.ApproveExtension, ParametersOf(TraceCodes.ApproveExtension), Names, En));
        Assert.Equal("立案，类别改为「井盖缺失（主干道）」", TraceText.Render(TraceCodes.FileRecategorized, ParametersOf(TraceCodes.FileRecategorized), Names, Zh));
    }

    [Fact]
    public void A_part_whose_parameter_is_missing_is_left_out()
    {
        var none = new Dictionary<string, string>();

        Assert.Equal("申请延期", TraceText.Render(TraceCodes.RequestExtension, none, Names, Zh));
        Assert.Equal("Extension requested", TraceText.Render(TraceCodes.RequestExtension, none, Names, En));
        Assert.Equal("转人工派遣", TraceText.Render(TraceCodes.MarkUnroutable, none, Names, Zh));
    }

    [Fact]
    public void Actors_read_as_display_names_and_the_software_as_system()
    {
        Assert.Equal("李派遣", TraceText.ActorName("dispatcher1", CaseRoles.Dispatcher, Names, En));
        Assert.Equal("系统", TraceText.ActorName("system", CaseRoles.System, Names, Zh));
        Assert.Equal("System", TraceText.ActorName("system", CaseRoles.System, Names, En));
        // A member of the public has no account; a user that happens to be called "public" is someone else.
        Assert.Equal("公众", TraceText.ActorName("public", CaseRoles.Public, Names, Zh));
        Assert.Equal("Member of the public", TraceText.ActorName("public", CaseRoles.Public, Names, En));
        // An account no longer on record keeps its user name rather than nothing.
        Assert.Equal("former.user", TraceText.ActorName("former.user", CaseRoles.Handler, Names, Zh));
        Assert.Equal("桂林市排水公司", TraceText.DepartmentName("gl-drainage", Names, Zh));
        Assert.Equal("Guilin Drainage Company", TraceText.DepartmentName("gl-drainage", Names, En));
    }

    [Fact]
    public void The_default_language_is_chinese()
    {
        Assert.Equal("已超过处置时限", TraceText.Render(TraceCodes.Overdue, ParametersOf(TraceCodes.Overdue), Names, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    [GeneratedRegex("^[a-z]+$")]
    private static partial Regex PlainWord();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex AsciiWord();
}
