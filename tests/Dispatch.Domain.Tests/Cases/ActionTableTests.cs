using System.Text.RegularExpressions;
using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Tests.Cases;

/// <summary>The action table is the one definition of an action: every row must carry what its readers need.</summary>
public sealed partial class ActionTableTests
{
    public static TheoryData<string> PeopleActions() => new(CaseLifecycle.PeopleActions);

    public static TheoryData<string> EveryAction() => new(CaseLifecycle.Table.Select(t => t.Action));

    [Theory]
    [MemberData(nameof(EveryAction))]
    public void Every_action_has_a_Chinese_and_an_English_label(string action)
    {
        var row = CaseLifecycle.Rule(action);
        Assert.Matches(Han(), row.LabelZh);
        Assert.Matches(English(), row.LabelEn);
    }

    [Theory]
    [MemberData(nameof(PeopleActions))]
    public void An_action_people_take_says_what_it_does_to_the_case(string action) =>
        Assert.NotNull(CaseLifecycle.Rule(action).Apply);

    [Theory]
    [MemberData(nameof(PeopleActions))]
    public void Field_names_are_unique_and_match_their_kind(string action)
    {
        var fields = CaseLifecycle.Rule(action).Fields;
        Assert.Equal(fields.Count, fields.Select(f => f.Name).Distinct().Count());
        foreach (var field in fields)
        {
            var allowed = field.Kind switch
            {
                ActionFieldKind.Text => ["opinion", "reason", "instruction"],
                ActionFieldKind.Boolean => ["passed", "satisfied"],
                ActionFieldKind.Department => ["departmentKey"],
                ActionFieldKind.Departments => ["assistingDepartmentKeys"],
                ActionFieldKind.Limit => ["limit"],
                ActionFieldKind.Category => ["categoryId"],
                ActionFieldKind.Condition => ["conditionId"],
                ActionFieldKind.Person => new[] { "assigneeUserName" },
                _ => [],
            };
            Assert.Contains(field.Name, allowed);
            if (field.When is { } when)
                Assert.Contains(fields, f => f.Name == when.Field && f.Kind == ActionFieldKind.Boolean);
        }
    }

    [Fact]
    public void Actions_that_send_a_case_away_or_refuse_a_request_need_a_reason()
    {
        foreach (var row in CaseLifecycle.Table.Where(t => t.Danger))
            Assert.Contains(row.Fields, f => f.Name == "reason" && f.Required);
    }

    [Fact]
    public void Applying_a_row_calls_its_case_method()
    {
        var at = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8));
        var c = Case.Report(Guid.CreateVersion7(), "450304-2026-000001", CaseSource.Patrol,
            Guid.CreateVersion7(), null, 110.29, 25.255, "desc", "450304", new Actor("patroller1", CaseRoles.Patroller), at);
        var acceptor = new Actor("acceptor1", CaseRoles.Acceptor);
        CaseLifecycle.Rule(CaseAction.Refuse).Apply!(c, new ActionArguments(acceptor, at.AddMinutes(5)) { Reason = "重复上报" });
        Assert.Equal(CaseState.NotAccepted, c.State);
        Assert.Equal("重复上报", c.Trace[^1].Opinion);
    }

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}+$")]
    private static partial Regex Han();

    [GeneratedRegex(@"^[A-Z][a-z]+( [a-z]+)*$")]
    private static partial Regex English();
}
