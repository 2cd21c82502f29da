using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Tests.Cases;

public sealed class CaseLifecycleTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Patroller = new("patroller1", "patroller");

    private static Case NewCase() => Case.Report(Guid.CreateVersion7(), "450304-2026-000001", CaseSource.Patrol,
        Guid.CreateVersion7(), null, 110.29, 25.255, "desc", "450304", Patroller, At);

    [Fact]
    public void A_new_report_is_Reported_with_one_trace_row_and_version_1()
    {
        var c = NewCase();

        Assert.Equal(CaseState.Reported, c.State);
        Assert.Equal(1, c.Version);
        var row = Assert.Single(c.Trace);
        Assert.Equal((CaseAction.Report, (CaseState?)null, CaseState.Reported, "patroller1", 1), (row.Action, row.FromState, row.ToState, row.ActorUserName, row.Sequence));
    }

    [Fact]
    public void Accept_file_dispatch_walks_the_loop_and_numbers_the_trace()
    {
        var c = NewCase();
        var department = Guid.CreateVersion7();

        c.Accept(Actor.System, At.AddMinutes(1));
        c.File(Actor.System, At.AddMinutes(2));
        c.Dispatch(department, Actor.System, At.AddMinutes(3));

        Assert.Equal(CaseState.Dispatched, c.State);
        Assert.Equal(department, c.DepartmentId);
        Assert.Equal(4, c.Version);
        Assert.Equal([1, 2, 3, 4], c.Trace.Select(t => t.Sequence));
        Assert.Equal([CaseState.Reported, CaseState.ToFile, CaseState.ToDispatch, CaseState.Dispatched], c.Trace.Select(t => t.ToState));
        Assert.Equal(At.AddMinutes(3), c.UpdatedAt);
    }

    [Fact]
    public void Dispatching_a_case_that_was_not_filed_is_refused_and_changes_nothing()
    {
        var c = NewCase();

        var e = Assert.Throws<CaseTransitionException>(() => c.Dispatch(Guid.CreateVersion7(), Actor.System, At));

        Assert.Equal((CaseAction.Dispatch, CaseState.Reported), (e.Action, e.Current));
        Assert.Equal(1, c.Version);
        Assert.Null(c.DepartmentId);
    }

    [Fact]
    public void Filing_twice_is_refused()
    {
        var c = NewCase();
        c.Accept(Actor.System, At);
        c.File(Actor.System, At);

        Assert.Throws<CaseTransitionException>(() => c.File(Actor.System, At));
        Assert.Equal(CaseState.ToDispatch, c.State);
    }

    [Fact]
    public void An_unroutable_case_stays_to_dispatch_flagged_for_the_manual_queue_until_dispatched()
    {
        var c = NewCase();
        c.Accept(Actor.System, At);
        c.File(Actor.System, At);

        c.MarkUnroutable(Actor.System, At, UnroutableReasons.NoRule);

        Assert.Equal(CaseState.ToDispatch, c.State);
        Assert.True(c.NeedsManualDispatch);
        Assert.Equal(TraceCodes.MarkUnroutable, c.Trace[^1].Code);
        Assert.Equal(UnroutableReasons.NoRule, c.Trace[^1].Parameters[TraceParameters.Reason]);
        Assert.Null(c.Trace[^1].Opinion);

        c.Dispatch(Guid.CreateVersion7(), new Actor("dispatcher1", "dispatcher"), At);
        Assert.False(c.NeedsManualDispatch);
    }

    [Fact]
    public void Only_a_case_waiting_for_dispatch_can_be_marked_unroutable()
    {
        Assert.Throws<CaseTransitionException>(() => NewCase().MarkUnroutable(Actor.System, At, UnroutableReasons.NoRule));
    }
}
