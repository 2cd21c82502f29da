namespace Dispatch.Domain.Cases;

/// <summary>Where a case stands in the closed loop (闭环) of docs/domain.md §4.</summary>
public enum CaseState
{
    /// <summary>待受理</summary>
    Reported,
    /// <summary>核实中</summary>
    Verifying,
    /// <summary>待立案</summary>
    ToFile,
    /// <summary>待派遣</summary>
    ToDispatch,
    /// <summary>待签收</summary>
    Dispatched,
    /// <summary>处置中</summary>
    Handling,
    /// <summary>已反馈</summary>
    FedBack,
    /// <summary>核查中</summary>
    Checking,
    /// <summary>待结案</summary>
    ToClose,
    /// <summary>已结案</summary>
    Closed,
    /// <summary>已归档</summary>
    Archived,
    /// <summary>不予受理</summary>
    NotAccepted,
    /// <summary>作废 / 不予立案</summary>
    Voided,
    /// <summary>回退: a department said "not ours"; waits for re-dispatch.</summary>
    Returned,
    /// <summary>挂账: parked in the problem bank with the clock stopped, until resumed.</summary>
    Suspended,
}

public static class CaseStates
{
    /// <summary>States in which nobody owes the case any more work.</summary>
    public static bool IsTerminal(this CaseState state) =>
        state is CaseState.Closed or CaseState.Archived or CaseState.NotAccepted or CaseState.Voided;
}
