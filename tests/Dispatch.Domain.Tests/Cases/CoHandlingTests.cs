using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Tests.Cases;

public class CoHandlingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Lead = Guid.CreateVersion7();
    private static readonly (Guid Id, string Key) Municipal = (Guid.CreateVersion7(), "xs-municipal");
    private static readonly (Guid Id, string Key) Enforcement = (Guid.CreateVersion7(), "xs-enforcement");
    private static readonly Actor Dispatcher = new("dispatcher1", CaseRoles.Dispatcher);

    private static Case Dispatched()
    {
        var c = Case.Report(Guid.CreateVersion7(), "450304-2026-000009", CaseSource.Patrol, Guid.CreateVersion7(), null,
            110.29, 25.255, "d", "450304", new Actor("patroller1", CaseRoles.Patroller), T0);
        c.Accept(Actor.System, T0);
        c.File(Actor.System, T0);
        c.Dispatch(Lead, "xs-traffic", Actor.System, T0, null, null);
        return c;
    }

    [Fact]
    public void Naming_assisting_departments_replaces_the_previous_ones_and_traces_each_change()
    {
        var c = Dispatched();

        c.SetAssistingDepartments([Municipal, Enforcement], Dispatcher, T0);
        c.SetAssistingDepartments([Enforcement], Dispatcher, T0, "市政已完成");

        Assert.Equal(["xs-enforcement"], c.Assists.Select(a => a.DepartmentKey));
        Assert.Equal(Lead, c.DepartmentId);
        var rows = c.Trace.Where(t => t.Action == CaseAction.Assist).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(TraceCodes.Assist, rows[1].Code);
        Assert.Equal("xs-municipal,xs-enforcement", rows[0].Parameters[TraceParameters.DepartmentKeys]);
        Assert.Equal("xs-enforcement", rows[1].Parameters[TraceParameters.DepartmentKeys]);
        Assert.Equal("市政已完成", rows[1].Opinion);
        Assert.Null(rows[0].Opinion);
    }

    [Fact]
    public void The_lead_cannot_assist_itself_nor_may_a_department_be_named_twice()
    {
        var c = Dispatched();

        Assert.Throws<ArgumentException>(() => c.SetAssistingDepartments([(Lead, "xs-traffic")], Dispatcher, T0));
        Assert.Throws<ArgumentException>(() => c.SetAssistingDepartments([Municipal, Municipal], Dispatcher, T0));
        Assert.Empty(c.Assists);
    }

    [Fact]
    public void A_return_ends_co_handling()
    {
        var c = Dispatched();
        c.SetAssistingDepartments([Municipal], Dispatcher, T0);

        c.Return(new Actor("handler.xs-traffic", CaseRoles.Handler, "xs-traffic"), T0, "不属于本单位");

        Assert.Empty(c.Assists);
        Assert.Equal(CaseState.Returned, c.State);
    }
}
