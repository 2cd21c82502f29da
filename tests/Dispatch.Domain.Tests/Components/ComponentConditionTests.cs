using Dispatch.Domain.Cases;
using Dispatch.Domain.Components;

namespace Dispatch.Domain.Tests.Components;

public sealed class ComponentConditionTests
{
    [Theory]
    [InlineData(ComponentState.Intact, false, false, false, ComponentCondition.Intact)]
    [InlineData(ComponentState.Damaged, false, false, false, ComponentCondition.Damaged)]
    [InlineData(ComponentState.Intact, false, true, false, ComponentCondition.ReportedDamaged)]
    [InlineData(ComponentState.Intact, true, true, false, ComponentCondition.UnderRepair)]
    [InlineData(ComponentState.Damaged, false, false, true, ComponentCondition.Intact)]
    [InlineData(ComponentState.Missing, false, false, true, ComponentCondition.Intact)]
    [InlineData(ComponentState.Missing, false, false, false, ComponentCondition.Missing)]
    [InlineData(ComponentState.Damaged, false, true, true, ComponentCondition.ReportedDamaged)]
    [InlineData(ComponentState.Removed, true, false, false, ComponentCondition.Removed)]
    [InlineData(ComponentState.Abandoned, false, true, false, ComponentCondition.Abandoned)]
    public void Open_cases_come_first_then_a_repair_since_the_census_then_the_census(
        ComponentState census, bool underRepair, bool reported, bool repaired, ComponentCondition expected) =>
        Assert.Equal(expected, ComponentConditions.Of(census, underRepair, reported, repaired));

    [Fact]
    public void Every_case_state_but_the_unhandled_endings_says_something_about_the_component()
    {
        var named = ComponentConditions.Reported.Concat(ComponentConditions.Repairing).Concat(ComponentConditions.Repaired).ToList();

        Assert.Equal(named.Count, named.Distinct().Count());
        Assert.Equal([CaseState.NotAccepted, CaseState.Voided], Enum.GetValues<CaseState>().Except(named).Order().ToArray());
        Assert.Contains(CaseState.Dispatched, ComponentConditions.Repairing);
        Assert.Contains(CaseState.Handling, ComponentConditions.Repairing);
        Assert.Contains(CaseState.Returned, ComponentConditions.Reported);
    }

    [Theory]
    [InlineData(ComponentState.Intact, false, true)]
    [InlineData(ComponentState.Damaged, false, true)]
    [InlineData(ComponentState.Missing, false, true)]
    [InlineData(ComponentState.Intact, true, false)]
    [InlineData(ComponentState.Abandoned, false, false)]
    [InlineData(ComponentState.Removed, false, false)]
    public void In_service_means_in_the_inventory_and_neither_abandoned_nor_removed(ComponentState census, bool retired, bool expected) =>
        Assert.Equal(expected, ComponentConditions.IsInService(census, retired));

    [Fact]
    public void Condition_names_are_snake_case() =>
        Assert.Equal(["intact", "damaged", "missing", "abandoned", "removed", "reported_damaged", "under_repair"],
            Enum.GetValues<ComponentCondition>().Select(ComponentConditions.Name).ToArray());
}
