namespace Dispatch.Domain.Cases;

/// <summary>Names of the actions a trace row records; they double as the API's action names.</summary>
public static class CaseAction
{
    /// <summary>上报</summary>
    public const string Report = "report";
    /// <summary>受理</summary>
    public const string Accept = "accept";
    /// <summary>不予受理</summary>
    public const string Refuse = "refuse";
    /// <summary>发起核实: the acceptor asks a patroller to look on site first.</summary>
    public const string RequestVerification = "request-verification";
    /// <summary>核实: the patroller's answer from the site.</summary>
    public const string Verify = "verify";
    /// <summary>立案</summary>
    public const string File = "file";
    /// <summary>作废 / 不予立案</summary>
    public const string Void = "void";
    /// <summary>派遣</summary>
    public const string Dispatch = "dispatch";
    public const string MarkUnroutable = "mark-unroutable";
    /// <summary>协办: the dispatcher names the departments that assist the lead department (主办).</summary>
    public const string Assist = "assist";
    /// <summary>内部派遣: inside the department, the case is given to one named handler.</summary>
    public const string AssignHandler = "assign-handler";
    /// <summary>签收</summary>
    public const string Sign = "sign";
    /// <summary>回退</summary>
    public const string Return = "return";
    /// <summary>申请延期</summary>
    public const string RequestExtension = "request-extension";
    public const string ApproveExtension = "approve-extension";
    public const string RejectExtension = "reject-extension";
    /// <summary>申请挂账</summary>
    public const string RequestSuspension = "request-suspension";
    public const string ApproveSuspension = "approve-suspension";
    public const string RejectSuspension = "reject-suspension";
    /// <summary>恢复: a suspended case is worked again and its clock runs on.</summary>
    public const string Resume = "resume";
    /// <summary>处置反馈</summary>
    public const string Feedback = "feedback";
    /// <summary>发起核查</summary>
    public const string RequestCheck = "request-check";
    /// <summary>核查: pass goes on to closing, fail sends the case back to the department (返工).</summary>
    public const string Check = "check";
    /// <summary>结案</summary>
    public const string Close = "close";
    /// <summary>督办</summary>
    public const string Escalate = "escalate";
    /// <summary>公众评价: the reporting member of the public rates the result; outside the action table (no account takes it).</summary>
    public const string Rate = "rate";
    /// <summary>回访</summary>
    public const string Callback = "callback";
    /// <summary>自行处置: the acceptor confirms a problem the reporting patroller fixed on the spot.</summary>
    public const string SelfHandle = "self-handle";
    /// <summary>预警: 80 % of the step's time limit is used (yellow light).</summary>
    public const string Warn = "warn";
    /// <summary>超时: the step's time limit has run out (red light).</summary>
    public const string Overdue = "overdue";
}
