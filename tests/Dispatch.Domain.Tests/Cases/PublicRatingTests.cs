using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Tests.Cases;

/// <summary>公众评价: the reporting member of the public rates a done case; a trace row, no change of state.</summary>
public class PublicRatingTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Acceptor = new("acceptor1", CaseRoles.Acceptor);
    private static readonly Actor ShiftLeader = new("shiftleader1", CaseRoles.ShiftLeader);
    private static readonly Actor Dispatcher = new("dispatcher1", CaseRoles.Dispatcher);
    private static readonly Actor Handler = new("handler.xs-traffic", CaseRoles.Handler, "xs-traffic");
    private static readonly Actor Patroller = new("patroller1", CaseRoles.Patroller);

    private static Case Reported(CaseSource source) => Case.Report(Guid.CreateVersion7(), "450304-2026-000031", source, Guid.CreateVersion7(),
        null, 110.29, 25.255, "车停在盲道上", "450304", source == CaseSource.Public ? Actor.Public : Acceptor, At);

    private static Case Handling(CaseSource source)
    {
        var c = Reported(source);
        c.Accept(Acceptor, At);
        c.File(ShiftLeader, At);
        c.Dispatch(Guid.CreateVersion7(), "xs-traffic", Dispatcher, At, null, null);
        c.Sign(Handler, At);
        return c;
    }

    private static Case Closed(CaseSource source = CaseSource.Public)
    {
        var c = Handling(source);
        c.Feedback(Handler, At, "已拖离");
        c.RequestCheck(Acceptor, At);
        c.Check(Patroller, At, true, null);
        c.Close(ShiftLeader, At);
        return c;
    }

    [Fact]
    public void A_rating_of_a_closed_case_is_a_row_by_the_public_that_keeps_the_state_and_the_department()
    {
        var c = Closed();
        var version = c.Version;

        c.RateByReporter(At.AddDays(1), satisfied: false, "  第二天又停上了 ");

        var row = c.Trace[^1];
        Assert.Equal((CaseState.Closed, version + 1), (c.State, c.Version));
        Assert.Equal((CaseAction.Rate, TraceCodes.RateUnsatisfied, "第二天又停上了"), (row.Action, row.Code, row.Opinion));
        Assert.Equal((CaseState.Closed, CaseState.Closed), (row.FromState, row.ToState));
        Assert.Equal(("public", CaseRoles.Public, "xs-traffic"), (row.ActorUserName, row.ActorRole, row.DepartmentKey));
        Assert.Null(row.OnTime);
        Assert.Null(c.CallbackSatisfied);
    }

    [Fact]
    public void An_archived_case_may_still_be_rated_and_blank_words_are_no_opinion()
    {
        var c = Closed();
        c.Callback(Acceptor, At, satisfied: true);

        c.RateByReporter(At, satisfied: true, "   ");

        Assert.Equal((CaseState.Archived, TraceCodes.RateSatisfied, null), (c.State, c.Trace[^1].Code, c.Trace[^1].Opinion));
    }

    [Fact]
    public void A_case_that_is_not_done_or_not_from_the_public_cannot_be_rated()
    {
        var handling = Handling(CaseSource.Public);
        Assert.Throws<CaseTransitionException>(() => handling.RateByReporter(At, true, null));
        var hotline = Closed(CaseSource.Hotline);
        Assert.Throws<CaseTransitionException>(() => hotline.RateByReporter(At, true, null));
        Assert.Throws<ArgumentException>(() => Closed().RateByReporter(At, false, new string('慢', Case.MaxOpinionLength + 1)));
    }
}
