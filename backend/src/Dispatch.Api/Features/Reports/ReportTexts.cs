using System.Globalization;

namespace Dispatch.Api.Features.Reports;

/// <summary>
/// The report's prose: a few generated paragraphs on the city's figures, the best and worst departments and streets
/// and who moved most in the league, in Chinese and in English. Staff may edit them in a draft.
/// </summary>
public static class ReportTexts
{
    public static (List<string> Zh, List<string> En) Write(ReportPeriodDto period, ReportPeriodDto previous, bool partial, ReportFigures city,
        ReportFigures previousCity, ReportTable departments, ReportTable streets)
    {
        var zh = new List<string>();
        var en = new List<string>();

        zh.Add($"{period.LabelZh}（{period.From:yyyy年M月d日}至{period.To:yyyy年M月d日}），全市共上报问题{N(city, "reported")}件，"
            + $"其中有效上报{N(city, "valid")}件，立案{N(city, "filed")}件，派遣{N(city, "dispatched")}件，结案{N(city, "closed")}件；"
            + $"结案率{P(city.Rate("closeRate"))}，按期结案率{P(city.Rate("onTimeCloseRate"))}，按期处置率{P(city.Rate("onTimeHandleRate"))}，"
            + $"返工率{P(city.Rate("reworkRate"))}。" + ChangeZh(city, previousCity, previous));
        en.Add($"In {period.LabelEn} ({period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}) the city received {N(city, "reported")} reports, "
            + $"{N(city, "valid")} of them valid; {N(city, "filed")} cases were filed, {N(city, "dispatched")} dispatched and {N(city, "closed")} closed. "
            + $"Close rate {P(city.Rate("closeRate"))}, on-time close rate {P(city.Rate("onTimeCloseRate"))}, on-time handling rate "
            + $"{P(city.Rate("onTimeHandleRate"))}, rework rate {P(city.Rate("reworkRate"))}." + ChangeEn(city, previousCity, previous));

        League(departments, "专业部门", "departments", zh, en);
        League(streets, "街道", "streets", zh, en);

        if (partial)
        {
            zh.Add($"说明：本期尚未结束，以上为截至生成时的阶段性数据，正式通报以期末后生成的版本为准。");
            en.Add("Note: the period had not ended when these figures were taken; they are interim, and the report generated after the period ends is the one of record.");
        }
        return (zh, en);
    }

    private static void League(ReportTable table, string whatZh, string whatEn, List<string> zh, List<string> en)
    {
        var scored = table.Rows.Where(r => r.Score is not null).OrderBy(r => r.Rank).ToList();
        if (scored.Count == 0)
        {
            zh.Add($"本期{whatZh}无可评价的案件。");
            en.Add($"No {whatEn} had cases to evaluate in this period.");
            return;
        }
        var best = scored[0];
        var worst = scored[^1];
        var followers = scored.Skip(1).Take(2).ToList();
        var z = $"{whatZh}综合评价得分最高的是{best.NameZh}（{S(best.Score)}分，{best.GradeZh ?? "—"}）";
        var e = $"Among {whatEn} the best composite score went to {best.Name(false)} ({S(best.Score)}, {best.GradeEn ?? best.GradeZh ?? "—"})";
        if (followers.Count > 0)
        {
            z += "，其次是" + string.Join("、", followers.Select(f => $"{f.NameZh}（{S(f.Score)}分）"));
            e += ", followed by " + string.Join(" and ", followers.Select(f => $"{f.Name(false)} ({S(f.Score)})"));
        }
        if (scored.Count > 1)
        {
            z += $"；得分最低的是{worst.NameZh}（{S(worst.Score)}分，{worst.GradeZh ?? "—"}）";
            e += $"; the lowest was {worst.Name(false)} ({S(worst.Score)}, {worst.GradeEn ?? worst.GradeZh ?? "—"})";
        }
        z += "。";
        e += ".";
        var up = scored.Where(r => r.RankChange > 0).OrderByDescending(r => r.RankChange).ThenBy(r => r.Rank).FirstOrDefault();
        var down = scored.Where(r => r.RankChange < 0).OrderBy(r => r.RankChange).ThenBy(r => r.Rank).FirstOrDefault();
        if (up is not null)
        {
            z += $"与上期相比，{up.NameZh}排名上升{up.RankChange}位，进步最大";
            e += $" Compared with the previous period, {up.Name(false)} rose {up.RankChange} place(s), the largest gain";
        }
        if (down is not null)
        {
            z += (up is null ? "与上期相比，" : "；") + $"{down.NameZh}排名下降{-down.RankChange}位";
            e += (up is null ? $" Compared with the previous period, " : "; ") + $"{down.Name(false)} fell {-down.RankChange} place(s)";
        }
        if (up is not null || down is not null)
        {
            z += "。";
            e += ".";
        }
        var failing = scored.Where(r => r.Grade == "fail").Select(r => r.NameZh).ToList();
        if (failing.Count > 0)
        {
            z += $"评价等次为不合格的有：{string.Join("、", failing)}，请相关单位认真整改。";
            e += $" Graded as failing: {string.Join(", ", scored.Where(r => r.Grade == "fail").Select(r => r.Name(false)))}.";
        }
        zh.Add(z);
        en.Add(e);
    }

    private static string ChangeZh(ReportFigures now, ReportFigures before, ReportPeriodDto previous)
    {
        if (now.Rate("closeRate") is not { } a || before.Rate("closeRate") is not { } b)
            return "";
        var points = (a - b) * 100;
        if (Math.Abs(points) < 0.005)
            return $"结案率与{previous.LabelZh}持平。";
        return $"结案率较{previous.LabelZh}{(points > 0 ? "上升" : "下降")}{Math.Abs(points).ToString("0.00", CultureInfo.InvariantCulture)}个百分点。";
    }

    private static string ChangeEn(ReportFigures now, ReportFigures before, ReportPeriodDto previous)
    {
        if (now.Rate("closeRate") is not { } a || before.Rate("closeRate") is not { } b)
            return "";
        var points = (a - b) * 100;
        if (Math.Abs(points) < 0.005)
            return $" The close rate was unchanged from {previous.LabelEn}.";
        return $" The close rate {(points > 0 ? "rose" : "fell")} {Math.Abs(points).ToString("0.00", CultureInfo.InvariantCulture)} percentage points from {previous.LabelEn}.";
    }

    private static string N(ReportFigures f, string code) => (f.Count(code) ?? 0).ToString(CultureInfo.InvariantCulture);

    /// <summary>A rate as the report prints it: 99.83%, or — without a denominator.</summary>
    public static string P(double? rate) => rate is { } x ? (x * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>A score as the report prints it: two decimals, or — without one.</summary>
    public static string S(double? score) => score is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—";
}
