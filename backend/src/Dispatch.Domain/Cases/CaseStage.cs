namespace Dispatch.Domain.Cases;

/// <summary>
/// The step of the closed loop a case is in, for time limits: each step has its own clock, which starts when the
/// case enters the step and stops when it leaves it.
/// </summary>
public enum CaseStage
{
    /// <summary>受理: waiting for an acceptor.</summary>
    Accept,
    /// <summary>核实: a patroller is checking the report on site.</summary>
    Verify,
    /// <summary>立案: waiting for a shift leader.</summary>
    File,
    /// <summary>派遣: waiting for a dispatcher (or the router).</summary>
    Dispatch,
    /// <summary>处置: the department's time limit, from the category's filing condition.</summary>
    Handle,
    /// <summary>核查: reported back, waiting for the check on site.</summary>
    Check,
    /// <summary>结案: checked, waiting for the shift leader to close.</summary>
    Close,
}

/// <summary>Traffic light of a step's clock (docs/domain.md §5): green below 80 % of the limit, yellow up to it, red past it.</summary>
public enum CaseLight
{
    Green,
    Yellow,
    Red,
}

/// <summary>How far up the grid an overdue case has been escalated (督办): street, then district, then city command.</summary>
public enum EscalationLevel
{
    Street,
    District,
    City,
}

/// <summary>What a department asked for and waits to hear about.</summary>
public enum PendingRequest
{
    /// <summary>延期申请</summary>
    Extension,
    /// <summary>挂账申请</summary>
    Suspension,
}

public static class CaseStages
{
    /// <summary>The step whose clock runs in <paramref name="state"/>; null in the end states.</summary>
    public static CaseStage? Of(CaseState state) => state switch
    {
        CaseState.Reported => CaseStage.Accept,
        CaseState.Verifying => CaseStage.Verify,
        CaseState.ToFile => CaseStage.File,
        CaseState.ToDispatch or CaseState.Returned => CaseStage.Dispatch,
        CaseState.Dispatched or CaseState.Handling or CaseState.Suspended => CaseStage.Handle,
        CaseState.FedBack or CaseState.Checking => CaseStage.Check,
        CaseState.ToClose => CaseStage.Close,
        _ => null,
    };

    public static string Name(this CaseStage stage) => stage switch
    {
        CaseStage.Accept => "accept",
        CaseStage.Verify => "verify",
        CaseStage.File => "file",
        CaseStage.Dispatch => "dispatch",
        CaseStage.Handle => "handle",
        CaseStage.Check => "check",
        CaseStage.Close => "close",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}
