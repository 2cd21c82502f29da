using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Tests.Cases;

/// <summary>内部派遣: inside the department holding a case, a handler gives it to a named handler of the department or a sub-unit.</summary>
public sealed class InternalDispatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid MunicipalId = Guid.CreateVersion7();
    private static readonly Actor HandlerA = new("handler.a", CaseRoles.Handler, "xs-municipal");
    private static readonly Actor HandlerB = new("handler.b", CaseRoles.Handler, "xs-municipal");
    /// <summary>A handler of a sub-unit (道路养护班) of xs-municipal.</summary>
    private static readonly Actor RoadsHandler = new("handler.roads", CaseRoles.Handler, "xs-municipal-roads");

    private static Case Dispatched()
    {
        var c = Case.Report(Guid.CreateVersion7(), "450304-2026-000042", CaseSource.Patrol, Guid.CreateVersion7(), null,
            110.29, 25.255, "d", "450304", new Actor("patroller1", CaseRoles.Patroller), T0);
        c.Accept(Actor.System, T0);
        c.File(Actor.System, T0);
        c.Dispatch(MunicipalId, "xs-municipal", Actor.System, T0, null, null);
        return c;
    }

    [Fact]
    public void A_handler_gives_the_case_to_a_named_handler_and_the_trace_says_who()
    {
        var c = Dispatched();

        c.AssignHandler(HandlerA, T0, "handler.b", "xs-municipal", "请你跟进");

        Assert.Equal("handler.b", c.AssigneeUserName);
        Assert.Equal("xs-municipal", c.AssigneeDepartmentKey);
        Assert.Equal(CaseState.Dispatched, c.State);
        var row = c.Trace[^1];
        Assert.Equal(CaseAction.AssignHandler, row.Action);
        Assert.Equal(TraceCodes.AssignHandler, row.Code);
        Assert.Equal("handler.b", row.Parameters[TraceParameters.Assignee]);
        Assert.Equal("xs-municipal", row.Parameters[TraceParameters.DepartmentKey]);
        Assert.Equal("请你跟进", row.Opinion);
        Assert.Equal("handler.a", row.ActorUserName);
    }

    [Fact]
    public void The_assignee_from_a_sub_unit_may_sign_and_report_the_case_handled_but_may_not_reassign_it()
    {
        var c = Dispatched();
        c.AssignHandler(HandlerA, T0, "handler.roads", "xs-municipal-roads");

        Assert.Equal([CaseAction.Sign, CaseAction.Return], CaseLifecycle.AllowedActions(c, [RoadsHandler]));
        c.Sign(RoadsHandler, T0);
        c.Feedback(RoadsHandler, T0, "已修复");

        Assert.Equal(CaseState.FedBack, c.State);
        Assert.Equal(CaseDecision.Forbidden, CaseLifecycle.Decide(c, CaseAction.AssignHandler, RoadsHandler));
    }

    [Fact]
    public void Another_handler_of_the_sub_unit_who_was_not_named_may_not_act()
    {
        var c = Dispatched();
        c.AssignHandler(HandlerA, T0, "handler.roads", "xs-municipal-roads");
        var colleague = new Actor("handler.roads2", CaseRoles.Handler, "xs-municipal-roads");

        Assert.Empty(CaseLifecycle.AllowedActions(c, [colleague]));
        Assert.Throws<CaseForbiddenException>(() => c.Sign(colleague, T0));
    }

    [Fact]
    public void People_outside_the_department_and_other_roles_may_not_assign()
    {
        var c = Dispatched();

        Assert.Throws<CaseForbiddenException>(() => c.AssignHandler(new Actor("handler.xs-traffic", CaseRoles.Handler, "xs-traffic"), T0, "handler.b", "xs-municipal"));
        Assert.Throws<CaseForbiddenException>(() => c.AssignHandler(new Actor("dispatcher1", CaseRoles.Dispatcher), T0, "handler.b", "xs-municipal"));
        Assert.Null(c.AssigneeUserName);
    }

    [Fact]
    public void Assigning_is_refused_once_the_department_reported_the_case_handled()
    {
        var c = Dispatched();
        c.Sign(HandlerA, T0);
        c.Feedback(HandlerA, T0, "已处理");

        Assert.Throws<CaseTransitionException>(() => c.AssignHandler(HandlerA, T0, "handler.b", "xs-municipal"));
    }

    [Fact]
    public void Giving_the_case_to_the_handler_who_has_it_is_refused()
    {
        var c = Dispatched();
        c.AssignHandler(HandlerA, T0, "handler.b", "xs-municipal");

        Assert.Throws<ArgumentException>(() => c.AssignHandler(HandlerA, T0, "handler.b", "xs-municipal"));
        c.AssignHandler(HandlerB, T0, "handler.a", "xs-municipal");
        Assert.Equal("handler.a", c.AssigneeUserName);
    }

    [Fact]
    public void A_return_and_the_next_dispatch_clear_the_assignee()
    {
        var c = Dispatched();
        c.AssignHandler(HandlerA, T0, "handler.b", "xs-municipal");

        c.Return(HandlerB, T0, "不属于本单位");
        Assert.Null(c.AssigneeUserName);
        Assert.Null(c.AssigneeDepartmentKey);

        c.Dispatch(MunicipalId, "xs-municipal", Actor.System, T0, null, null);
        Assert.Null(c.AssigneeUserName);
    }
}
