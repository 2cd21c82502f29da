using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Tests.Cases;

/// <summary>What a hotline call adds to a report: the place in words (地址描述) and whether the caller wants a callback (需要回访).</summary>
public sealed class HotlineReportTests
{
    private static readonly DateTimeOffset Monday0900 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Acceptor = new("acceptor1", CaseRoles.Acceptor);

    private static Case Report(ReportDetails details) => Case.Report(Guid.CreateVersion7(), "450304-2026-000030",
        CaseSource.Hotline, Guid.CreateVersion7(), null, 110.29, 25.255, "来电反映占道经营", "450304", Acceptor, Monday0900,
        details: details);

    [Fact]
    public void A_report_keeps_the_address_text_trimmed_and_the_callback_wish()
    {
        var c = Report(new ReportDetails("李女士", "13912345678", AddressText: "  中山路菜市场东门 ", CallbackWanted: true));

        Assert.Equal(("中山路菜市场东门", true), (c.AddressText, c.CallbackWanted));
    }

    [Fact]
    public void A_blank_address_text_is_none_and_no_callback_is_the_default()
    {
        var c = Report(new ReportDetails("李女士", "13912345678", AddressText: "   "));

        Assert.Equal((null, false), (c.AddressText, c.CallbackWanted));
    }

    [Fact]
    public void An_address_text_over_the_limit_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Report(new ReportDetails(AddressText: new string('路', Case.MaxAddressTextLength + 1))));

        Assert.Contains("address", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
