using Dispatch.Domain.Calendar;

namespace Dispatch.Domain.Tests.Calendar;

/// <summary>The State Council's notice as administrators paste it, read into holidays and make-up working days.</summary>
public class HolidayNoticeTextTests
{
    /// <summary>The 2026 notice in the published form (preamble, seven items, closing paragraph and signature).</summary>
    public const string Notice2026 = """
        国务院办公厅关于2026年部分节假日安排的通知
        国办发明电〔2025〕7号

        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
        经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
        一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
        二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
        三、清明节：4月4日（周六）至6日（周一）放假，共3天。
        四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
        五、端午节：6月19日（周五）至21日（周日）放假，共3天。
        六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
        七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
        节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

        国务院办公厅
        2025年11月4日
        """;

    [Fact]
    public void The_2026_notice_reads_as_the_stored_2026_calendar()
    {
        var parsed = HolidayNoticeText.Parse(Notice2026);
        var stored = HolidayCalendarJson.LoadEmbedded2026();

        Assert.Equal(2026, parsed.Year);
        Assert.Equal(stored.Holidays, parsed.Holidays);
        Assert.Equal(stored.MakeUpWorkingDays.Order(), parsed.MakeUpWorkingDays);
    }

    [Fact]
    public void Items_pasted_on_one_line_with_full_width_digits_read_the_same()
    {
        var items = Notice2026.Split('\n').Where(l => l.Length > 0 && "一二三四五六七".Contains(l[0], StringComparison.Ordinal));
        var oneLine = string.Concat(items).Replace("2", "２", StringComparison.Ordinal);

        var parsed = HolidayNoticeText.Parse(oneLine, 2026);

        Assert.Equal(HolidayCalendarJson.LoadEmbedded2026().Holidays, parsed.Holidays);
        Assert.Equal(6, parsed.MakeUpWorkingDays.Count);
    }

    [Fact]
    public void A_holiday_across_the_new_year_and_across_a_month_end_keep_their_own_years_and_months()
    {
        const string text = """
            一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。
            七、中秋节、国庆节：9月29日（周五）至10月6日（周五）放假调休，共8天。10月7日（周六）、8日（周日）上班。
            """;

        var parsed = HolidayNoticeText.Parse(text, 2023);

        Assert.Equal(new Holiday("元旦", new DateOnly(2022, 12, 31), new DateOnly(2023, 1, 2)), parsed.Holidays[0]);
        Assert.Equal(new Holiday("中秋节、国庆节", new DateOnly(2023, 9, 29), new DateOnly(2023, 10, 6)), parsed.Holidays[1]);
        Assert.Equal([new DateOnly(2023, 10, 7), new DateOnly(2023, 10, 8)], parsed.MakeUpWorkingDays);
    }

    [Fact]
    public void A_single_day_off_without_make_up_days_is_a_one_day_holiday()
    {
        var parsed = HolidayNoticeText.Parse("一、元旦：1月1日（周三）放假1天，不调休。", 2025);

        Assert.Equal(new Holiday("元旦", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1)), Assert.Single(parsed.Holidays));
        Assert.Empty(parsed.MakeUpWorkingDays);
    }

    [Theory]
    [InlineData("一、元旦：1月1日（周五）至3日（周六）放假调休，共3天。", "一、元旦", "Thursday")]
    [InlineData("三、清明节：4月4日至6日休息。", "三、清明节", "放假")]
    [InlineData("四、劳动节：5月1日至5日放假调休，共5天。5月32日上班。", "四、劳动节", "not a date")]
    [InlineData("经国务院批准，现将放假安排通知如下。", "", "No holiday")]
    public void A_text_that_cannot_be_read_is_refused_naming_the_item(string text, string item, string says)
    {
        var e = Assert.Throws<HolidayCalendarFormatException>(() => HolidayNoticeText.Parse(text, 2026));

        Assert.StartsWith(item, e.Message, StringComparison.Ordinal);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_year_in_the_text_or_given_the_notice_is_refused()
    {
        var e = Assert.Throws<HolidayCalendarFormatException>(() => HolidayNoticeText.Parse("一、元旦：1月1日放假。"));

        Assert.Contains("year", e.Message, StringComparison.Ordinal);
    }
}
