using Dispatch.Domain.Calendar;

namespace Dispatch.Domain.Cases;

/// <summary>What kind of answer a field of an action asks for; the API checks it and the UI draws an input for it.</summary>
public enum ActionFieldKind
{
    /// <summary>Free text of at most <see cref="Case.MaxOpinionLength"/> characters (opinion, reason, instruction).</summary>
    Text,
    /// <summary>Yes or no (a check passed, a caller satisfied).</summary>
    Boolean,
    /// <summary>One department, by key.</summary>
    Department,
    /// <summary>A list of departments by key; an empty list is an answer too.</summary>
    Departments,
    /// <summary>An amount of time: <c>limit</c> with its <c>unit</c>.</summary>
    Limit,
    /// <summary>A category of the catalogue, by id.</summary>
    Category,
    /// <summary>A filing condition of the case's (or the chosen) category, by id.</summary>
    Condition,
    /// <summary>
    /// One person, by account user name: a handler of the department holding the case or of one of its sub-units
    /// (<c>GET /api/departments/{key}/handlers</c> lists them).
    /// </summary>
    Person,
}

/// <summary>A field is also required when another (boolean) field has this value: a failed check needs an opinion.</summary>
public sealed record RequiredWhen(string Field, bool Value);

/// <summary>One field of an action's request, by its name on the wire.</summary>
public sealed record ActionField(string Name, ActionFieldKind Kind, bool Required = false, RequiredWhen? When = null)
{
    public static ActionField Opinion { get; } = new("opinion", ActionFieldKind.Text);
    public static ActionField Reason { get; } = new("reason", ActionFieldKind.Text, Required: true);
    public static ActionField OptionalReason { get; } = new("reason", ActionFieldKind.Text);
    public static ActionField Instruction { get; } = new("instruction", ActionFieldKind.Text, Required: true);
}

/// <summary>Which event an action announces to the rest of the system, beside the trace row every action writes.</summary>
public enum CaseAnnouncement
{
    None,
    /// <summary>立案: routing takes it from here.</summary>
    Filed,
    Dispatched,
    Unroutable,
    Returned,
    Escalated,
    DeadlineWarning,
    Overdue,
    Closed,
}

/// <summary>
/// What a person (or the software) gave for an action, checked and resolved: the departments are known to exist, the
/// limit is parsed, the clock is the one that sets the case's deadlines.
/// </summary>
public sealed record ActionArguments(Actor Actor, DateTimeOffset At)
{
    public string? Opinion { get; init; }
    public string? Reason { get; init; }
    public string? Instruction { get; init; }
    public (Guid Id, string Key)? Department { get; init; }
    /// <summary>协办 departments; null when the request named none.</summary>
    public IReadOnlyList<(Guid Id, string Key)>? Assisting { get; init; }
    public TimeLimit? Limit { get; init; }
    public bool? Passed { get; init; }
    public bool? Satisfied { get; init; }
    public Guid? CategoryId { get; init; }
    public Guid? ConditionId { get; init; }
    /// <summary>内部派遣: the handler, with the department (holding one or sub-unit) their account belongs to.</summary>
    public (string UserName, string DepartmentKey)? Assignee { get; init; }
    public IReadOnlyList<PhotoFile> Photos { get; init; } = [];
    public CaseClock? Clock { get; init; }
    /// <summary>For a verification or check request in a grid with nobody on duty: who holds the task instead.</summary>
    public OnSiteFallback? OnSiteFallback { get; init; }
}
