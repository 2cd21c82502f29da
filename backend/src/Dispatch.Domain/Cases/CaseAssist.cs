namespace Dispatch.Domain.Cases;

/// <summary>
/// 协办: a department that assists the lead department (主办) on a case. The lead answers for the case and acts on
/// it (signs, reports back); assisting departments see it on their boards and work with the lead.
/// </summary>
public sealed class CaseAssist
{
    private CaseAssist() { }

    internal CaseAssist(Guid caseId, Guid departmentId, string departmentKey, DateTimeOffset since)
    {
        CaseId = caseId;
        DepartmentId = departmentId;
        DepartmentKey = departmentKey;
        Since = since;
    }

    public Guid CaseId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string DepartmentKey { get; private set; } = "";
    public DateTimeOffset Since { get; private set; }
}
