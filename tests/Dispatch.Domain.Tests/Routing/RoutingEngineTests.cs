using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Grids;
using Dispatch.Domain.Routing;

namespace Dispatch.Domain.Tests.Routing;

public class RoutingEngineTests
{
    private static readonly DateTimeOffset Filed = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset LongAgo = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly GridCode Unit = GridCode.Parse("450304001002017");

    private static readonly RoutingDepartment CityWater = Department("gl-water", "water_supply", "450300");
    private static readonly RoutingDepartment CityPower = Department("gl-power", "power", "450300");
    private static readonly RoutingDepartment CityTelecom = Department("gl-telecom", "telecom", "450300");
    private static readonly RoutingDepartment DistrictTraffic = Department("xs-traffic", "traffic_police", "450304");
    private static readonly RoutingDepartment CityTraffic = Department("gl-traffic", "traffic_police", "450300");
    private static readonly RoutingDepartment Xiangshan = Department("xs-st-xiangshan", "territory", "450304001");
    private static readonly RoutingDepartment Nanmen = Department("xs-st-nanmen", "territory", "450304002");

    private static readonly RoutingDepartment[] Departments = [CityWater, CityPower, CityTelecom, DistrictTraffic, CityTraffic, Xiangshan, Nanmen];

    private static readonly Category Parking = new(Guid.NewGuid(), CategoryKind.Event, "05", "街面秩序", "Street order", "0505", "机动车乱停放", "Illegal parking", "traffic_police");
    private static readonly Category Ads = new(Guid.NewGuid(), CategoryKind.Event, "02", "宣传广告", "Advertising", "0201", "非法小广告", "Illegal small ads", "territory");
    private static readonly Category Pole = new(Guid.NewGuid(), CategoryKind.Component, "01", "公用设施", "Public utilities", "0117", "立杆", "Utility pole", "power");
    private static readonly Category OwnerlessCover = new(Guid.NewGuid(), CategoryKind.Component, "01", "公用设施", "Public utilities", "0114", "无主井盖", "Ownerless cover", "territory");

    private static RoutingDepartment Department(string key, string kind, string jurisdiction) =>
        new(Guid.NewGuid(), key, kind, GridCode.Parse(jurisdiction));

    private static List<RoutingRule> Defaults(Category category) =>
        DefaultRoutingRules.For(category).Select(d => RoutingRule.Create(d.Id, d.Draft, "system", LongAgo)).ToList();

    private static RoutingRule Rule(Category category, RoutingDepartment to, string? grid = null, Guid? condition = null,
        Guid? owner = null, int priority = 0, DateTimeOffset? from = null) =>
        RoutingRule.Create(Guid.NewGuid(),
            new RoutingRuleDraft(category.Id, condition, grid is null ? null : GridCode.Parse(grid), owner, RoutingTarget.Department, to.Id, null, priority),
            "admin", from ?? LongAgo);

    private static RoutingCase CaseOf(Category category, GridCode? place = null, Guid? condition = null, Guid? owner = null, DateTimeOffset? filed = null) =>
        new(category.Id, condition, place ?? Unit, owner, filed ?? Filed);

    [Fact]
    public void An_event_goes_to_the_department_of_its_kind_with_jurisdiction_over_the_place()
    {
        var decision = RoutingEngine.Route(CaseOf(Parking), Defaults(Parking), Departments);

        Assert.True(decision.Matched);
        // The district brigade is more local than the city's.
        Assert.Equal("xs-traffic", decision.Department!.Key);
    }

    [Fact]
    public void A_territory_event_goes_to_the_street_office_of_the_street_the_point_falls_in()
    {
        Assert.Equal("xs-st-xiangshan", RoutingEngine.Route(CaseOf(Ads), Defaults(Ads), Departments).Department!.Key);
        Assert.Equal("xs-st-nanmen", RoutingEngine.Route(CaseOf(Ads, GridCode.Parse("450304002003050")), Defaults(Ads), Departments).Department!.Key);
    }

    [Fact]
    public void A_component_goes_to_its_recorded_owner_first()
    {
        var decision = RoutingEngine.Route(CaseOf(Pole, owner: CityTelecom.Id), Defaults(Pole), Departments);

        Assert.Equal("gl-telecom", decision.Department!.Key);
        Assert.Equal(RoutingTarget.ComponentOwner, decision.Rule!.Target);
    }

    [Fact]
    public void A_component_without_an_owner_record_goes_to_its_category_kind()
    {
        var decision = RoutingEngine.Route(CaseOf(Pole), Defaults(Pole), Departments);

        Assert.Equal("gl-power", decision.Department!.Key);
        Assert.Equal(RuleOutcome.Unresolved, decision.Considered[0].Outcome);
        Assert.Equal(RuleOutcome.Chosen, decision.Considered[1].Outcome);
        Assert.Equal(RuleOutcome.Outranked, decision.Considered[2].Outcome);
    }

    [Fact]
    public void A_component_whose_kind_has_no_department_goes_to_the_territory()
    {
        var withoutPower = Departments.Where(d => d.Kind != "power").ToList();

        Assert.Equal("xs-st-xiangshan", RoutingEngine.Route(CaseOf(Pole), Defaults(Pole), withoutPower).Department!.Key);
        Assert.Equal("xs-st-xiangshan", RoutingEngine.Route(CaseOf(OwnerlessCover), Defaults(OwnerlessCover), Departments).Department!.Key);
    }

    [Fact]
    public void The_most_specific_grid_wins_over_priority()
    {
        var rules = Defaults(Parking);
        rules.Add(Rule(Parking, CityTraffic, grid: "450304", priority: 1000));
        rules.Add(Rule(Parking, Nanmen, grid: "450304001", priority: -1000));

        Assert.Equal("xs-st-nanmen", RoutingEngine.Route(CaseOf(Parking), rules, Departments).Department!.Key);
        // Outside that street, the district rule is the most specific that fits.
        Assert.Equal("gl-traffic", RoutingEngine.Route(CaseOf(Parking, GridCode.Parse("450304003001001")), rules, Departments).Department!.Key);
    }

    [Fact]
    public void A_rule_for_a_unit_grid_applies_only_inside_it()
    {
        var rules = Defaults(Parking);
        rules.Add(Rule(Parking, Nanmen, grid: Unit.Value));

        Assert.Equal("xs-st-nanmen", RoutingEngine.Route(CaseOf(Parking), rules, Departments).Department!.Key);
        Assert.Equal("xs-traffic", RoutingEngine.Route(CaseOf(Parking, GridCode.Parse("450304001002018")), rules, Departments).Department!.Key);
    }

    [Fact]
    public void At_equal_specificity_a_condition_rule_beats_a_general_one_and_only_for_its_condition()
    {
        var condition = Guid.NewGuid();
        var rules = Defaults(Parking);
        rules.Add(Rule(Parking, CityTraffic, grid: "450304", priority: 100));
        rules.Add(Rule(Parking, Nanmen, grid: "450304", condition: condition));

        Assert.Equal("xs-st-nanmen", RoutingEngine.Route(CaseOf(Parking, condition: condition), rules, Departments).Department!.Key);
        Assert.Equal("gl-traffic", RoutingEngine.Route(CaseOf(Parking, condition: Guid.NewGuid()), rules, Departments).Department!.Key);
    }

    [Fact]
    public void An_owner_rule_applies_only_to_components_of_that_owner()
    {
        var rules = Defaults(Pole);
        // Poles of the telecom operators inside 象山街道 go to the street office by local agreement.
        rules.Add(Rule(Pole, Xiangshan, grid: "450304001", owner: CityTelecom.Id));

        Assert.Equal("xs-st-xiangshan", RoutingEngine.Route(CaseOf(Pole, owner: CityTelecom.Id), rules, Departments).Department!.Key);
        Assert.Equal("gl-power", RoutingEngine.Route(CaseOf(Pole, owner: CityPower.Id), rules, Departments).Department!.Key);
    }

    [Fact]
    public void Among_equals_the_higher_priority_wins_then_the_newer_rule()
    {
        var rules = new List<RoutingRule>
        {
            Rule(Parking, CityTraffic, grid: "450304", priority: 5),
            Rule(Parking, Nanmen, grid: "450304", priority: 9),
        };
        Assert.Equal("xs-st-nanmen", RoutingEngine.Route(CaseOf(Parking), rules, Departments).Department!.Key);

        var tied = new List<RoutingRule>
        {
            Rule(Parking, CityTraffic, grid: "450304", from: LongAgo.AddDays(10)),
            Rule(Parking, Nanmen, grid: "450304", from: LongAgo),
        };
        Assert.Equal("gl-traffic", RoutingEngine.Route(CaseOf(Parking), tied, Departments).Department!.Key);
    }

    [Fact]
    public void A_rule_applies_to_cases_filed_while_it_is_in_force()
    {
        var changedAt = Filed.AddHours(1);
        var old = Rule(Parking, CityTraffic, grid: "450304");
        old.Retire(changedAt);
        var successor = Rule(Parking, Nanmen, grid: "450304", from: changedAt);
        var rules = new List<RoutingRule> { old, successor };

        Assert.Equal("gl-traffic", RoutingEngine.Route(CaseOf(Parking), rules, Departments).Department!.Key);
        Assert.Equal("xs-st-nanmen", RoutingEngine.Route(CaseOf(Parking, filed: changedAt), rules, Departments).Department!.Key);
    }

    [Fact]
    public void A_category_without_rules_is_unroutable_with_a_reason()
    {
        var decision = RoutingEngine.Route(CaseOf(Parking), Defaults(Ads), Departments);

        Assert.False(decision.Matched);
        Assert.Empty(decision.Considered);
        Assert.Contains("No routing rule", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_that_fit_but_name_nobody_leave_the_case_unroutable_and_say_why()
    {
        var decision = RoutingEngine.Route(CaseOf(Parking), Defaults(Parking), [CityWater, Xiangshan]);

        Assert.False(decision.Matched);
        Assert.Contains("traffic_police", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_place_outside_every_rules_grid_is_unroutable()
    {
        var decision = RoutingEngine.Route(CaseOf(Parking, GridCode.Parse("450305001001001")), [Rule(Parking, Nanmen, grid: "450304")], Departments);

        Assert.False(decision.Matched);
        Assert.Equal(RuleOutcome.OutsideGrid, Assert.Single(decision.Considered).Outcome);
    }

    [Fact]
    public void A_rule_for_a_unit_grid_does_not_claim_a_whole_community()
    {
        var community = GridCode.Parse("450304001002");
        var rules = new List<RoutingRule> { Rule(Parking, Nanmen, grid: Unit.Value) };

        Assert.False(RoutingEngine.Route(CaseOf(Parking, community), rules, Departments).Matched);
    }

    [Fact]
    public void Jurisdiction_picks_the_most_local_department_of_the_kind()
    {
        Assert.Equal(DistrictTraffic, RoutingEngine.Jurisdiction("traffic_police", Unit, Departments));
        Assert.Equal(CityTraffic, RoutingEngine.Jurisdiction("traffic_police", GridCode.Parse("450305001001001"), Departments));
        Assert.Null(RoutingEngine.Jurisdiction("territory", GridCode.Parse("450304003001001"), Departments));
    }

    [Fact]
    public void A_rule_retired_before_it_began_never_applies()
    {
        var rule = Rule(Parking, Nanmen, from: Filed.AddDays(1));
        rule.Retire(Filed);

        Assert.False(rule.IsInForceAt(Filed));
        Assert.False(rule.IsInForceAt(Filed.AddDays(2)));
        Assert.Throws<InvalidOperationException>(() => rule.Retire(Filed.AddDays(3)));
    }

    [Fact]
    public void A_draft_with_a_target_but_nothing_to_name_is_refused()
    {
        var noDepartment = new RoutingRuleDraft(Parking.Id, null, null, null, RoutingTarget.Department, null, null, 0);
        var noKind = new RoutingRuleDraft(Parking.Id, null, null, null, RoutingTarget.Jurisdiction, null, " ", 0);
        var tooHigh = new RoutingRuleDraft(Parking.Id, null, null, null, RoutingTarget.ComponentOwner, null, null, 5000);

        Assert.Equal("departmentKey", Assert.Single(RoutingRule.Problems(noDepartment)).Field);
        Assert.Equal("departmentKind", Assert.Single(RoutingRule.Problems(noKind)).Field);
        Assert.Equal("priority", Assert.Single(RoutingRule.Problems(tooHigh)).Field);
        Assert.Throws<ArgumentException>(() => RoutingRule.Create(Guid.NewGuid(), noDepartment, "admin", Filed));
    }

    [Fact]
    public void Default_rule_ids_are_stable_per_category_and_slot()
    {
        var first = DefaultRoutingRules.For(Pole).Select(r => r.Id).ToList();
        var again = DefaultRoutingRules.For(Pole).Select(r => r.Id).ToList();

        Assert.Equal(first, again);
        Assert.Equal(3, first.Distinct().Count());
        Assert.Equal(2, DefaultRoutingRules.For(OwnerlessCover).Count);
        Assert.Single(DefaultRoutingRules.For(Parking));
    }
}
