using Dispatch.Domain.Reports;

namespace Dispatch.Domain.Tests.Reports;

public sealed class ReportPeriods
{
    [Theory]
    [InlineData("quarter", "2026-Q3", "2026-07-01", "2026-09-30", "2026-10-15", "2026年第3季度数字城管综合评价通报", "2026-Q2")]
    [InlineData("quarter", "2026-Q1", "2026-01-01", "2026-03-31", "2026-04-15", "2026年第1季度数字城管综合评价通报", "2025-Q4")]
    [InlineData("month", "2026-02", "2026-02-01", "2026-02-28", "2026-03-15", "2026年2月数字城管综合评价通报", "2026-01")]
    [InlineData("month", "2026-12", "2026-12-01", "2026-12-31", "2027-01-15", "2026年12月数字城管综合评价通报", "2026-11")]
    [InlineData("year", "2026", "2026-01-01", "2026-12-31", "2027-01-15", "2026年度数字城管综合评价通报", "2025")]
    public void A_period_code_names_its_days_its_due_date_its_title_and_the_period_before(string kind, string code, string from, string to,
        string due, string title, string previous)
    {
        Assert.True(ReportPeriod.TryParseKind(kind, out var k));
        var period = ReportPeriod.TryParse(k, code, out var error);

        Assert.NotNull(period);
        Assert.Null(error);
        Assert.Equal(code, period.Code);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), period.To);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), period.Due);
        Assert.Equal(title, period.TitleZh);
        Assert.Equal(previous, period.Previous.Code);
    }

    [Theory]
    [InlineData("quarter", "2026-Q0")]
    [InlineData("quarter", "2026-3")]
    [InlineData("month", "2026-13")]
    [InlineData("month", "2026-Q1")]
    [InlineData("year", "26")]
    [InlineData("year", "1999")]
    public void A_code_that_is_not_a_period_of_the_kind_is_refused_with_an_example(string kind, string code)
    {
        Assert.True(ReportPeriod.TryParseKind(kind, out var k));
        Assert.Null(ReportPeriod.TryParse(k, code, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void The_schedule_reports_on_the_last_period_that_ended()
    {
        var today = new DateOnly(2026, 10, 1);
        Assert.Equal("2026-09", ReportPeriod.LastEnded(ReportKind.Month, today).Code);
        Assert.Equal("2026-Q3", ReportPeriod.LastEnded(ReportKind.Quarter, today).Code);
        Assert.Equal("2025", ReportPeriod.LastEnded(ReportKind.Year, today).Code);
    }

    [Fact]
    public void A_published_report_refuses_every_change()
    {
        var period = new ReportPeriod(ReportKind.Quarter, 2026, 3);
        var report = EvaluationReport.Draft(Guid.NewGuid(), period, 1, "{\"a\":1}", scheduled: false, "leader1", DateTimeOffset.UtcNow);
        report.Regenerate("{\"a\":2}", "leader1", DateTimeOffset.UtcNow);
        report.Publish(new ReportFiles([1], [2], [3], [4]), "leader1", DateTimeOffset.UtcNow);

        Assert.Equal(ReportState.Published, report.State);
        Assert.Throws<InvalidOperationException>(() => report.Regenerate("{\"a\":3}", "leader1", DateTimeOffset.UtcNow));
        Assert.Throws<InvalidOperationException>(() => report.EditContent("{\"a\":3}"));
        Assert.Throws<InvalidOperationException>(() => report.Publish(new ReportFiles([9], [9], [9], [9]), "admin", DateTimeOffset.UtcNow));
        Assert.Equal("{\"a\":2}", report.Content);
        Assert.Equal([2], report.DocxZh);
    }
}
