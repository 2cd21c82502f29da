using Dispatch.Domain.Catalogue;

namespace Dispatch.Domain.Tests.Catalogue;

public sealed class CategoryTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static Category StreetLight() =>
        new(Guid.NewGuid(), CategoryKind.Component, "01", "公用设施", "Public utilities", "0118", "路灯", "Street light", "street_lighting");

    [Fact]
    public void A_category_in_use_takes_new_reports_under_any_condition_in_use()
    {
        var category = StreetLight();
        var condition = category.AddCondition(Guid.NewGuid(), "单盏不亮", "one lamp out", "灯亮", "lit", 2, "working_days");

        Assert.Null(category.RefusalForNewUse(null));
        Assert.Null(category.RefusalForNewUse(condition.Id));
        Assert.Equal("灯亮", condition.ClosingStandardZh);
    }

    [Fact]
    public void A_retired_category_refuses_new_use_and_restoring_takes_it_back()
    {
        var category = StreetLight();
        category.Retire(At);
        category.Retire(At.AddDays(1));

        Assert.Equal(At, category.RetiredAt);
        Assert.Contains("retired", category.RefusalForNewUse(null));
        category.Restore();
        Assert.Null(category.RefusalForNewUse(null));
    }

    [Fact]
    public void A_retired_condition_refuses_new_use_while_its_sibling_does_not()
    {
        var category = StreetLight();
        var one = category.AddCondition(Guid.NewGuid(), "单盏不亮", "one lamp out", 2, "working_days");
        var three = category.AddCondition(Guid.NewGuid(), "连续三盏及以上不亮", "three or more out", 1, "working_days");

        one.Retire(At);

        Assert.Contains("单盏不亮", category.RefusalForNewUse(one.Id));
        Assert.Null(category.RefusalForNewUse(three.Id));
    }

    [Fact]
    public void Ordinals_count_retired_conditions_so_old_cases_keep_theirs()
    {
        var category = StreetLight();
        var first = category.AddCondition(Guid.NewGuid(), "单盏不亮", "one lamp out", 2, "working_days");
        first.Retire(At);

        var second = category.AddCondition(Guid.NewGuid(), "灯杆倾斜", "pole leaning", 1, "working_days");

        Assert.Equal((1, 2), (first.Ordinal, second.Ordinal));
    }

    [Fact]
    public void An_edit_trims_names_and_keeps_kind_and_code()
    {
        var category = StreetLight();
        category.Edit(" 公用设施 ", "Utilities", " 道路照明 ", "Road lighting", " territory ");

        Assert.Equal(("道路照明", "territory", "0118", CategoryKind.Component), (category.NameZh, category.DepartmentKind, category.Code, category.Kind));
    }
}
