using System.Globalization;
using Dispatch.Domain.Calendar;
using Dispatch.Domain.Evaluation;
using Dispatch.Domain.Grids;

namespace Dispatch.Domain.Cases;

/// <summary>What a report carries besides the problem itself: who called (hotline) and whether the patroller fixed it on the spot.</summary>
/// <param name="ComponentId">The component (部件) the report is about, by its 16-digit id; routing then asks its owner first.</param>
public sealed record ReportDetails(string? CallerName = null, string? CallerPhone = null, bool SelfHandled = false, string? ComponentId = null);

/// <summary>
/// A case (案卷): one reported problem followed through the closed loop. State changes are methods that
/// refuse illegal moves (by the table in <see cref="CaseLifecycle"/>), append a trace row and bump
/// <see cref="Version"/> (the optimistic-concurrency token). A trace row says what happened as a code with
/// parameters (<see cref="TraceCodes"/>); its opinion is only ever what a person wrote.
/// </summary>
public sealed class Case
{
    public const int MaxDescriptionLength = 2000;
    public const int MaxOpinionLength = 2000;
    public const int MaxCallerNameLength = CaseCaller.MaxNameLength;
    public const int MaxCallerPhoneLength = CaseCaller.MaxPhoneLength;
    public const int MaxAssistingDepartments = 10;

    private readonly List<CaseTrace> _trace = [];
    private readonly List<CasePhoto> _photos = [];
    private readonly List<CaseAssist> _assists = [];
    private readonly List<EvaluationFact> _facts = [];

    private Case() { }

    public Guid Id { get; private set; }
    /// <summary>Readable number, unique per district and year: <c>450304-2026-000123</c>.</summary>
    public string Number { get; private set; } = "";
    public CaseState State { get; private set; }
    public int Version { get; private set; }
    public CaseSource Source { get; private set; }
    public Guid CategoryId { get; private set; }
    public Guid? ConditionId { get; private set; }
    public double Longitude { get; private set; }
    public double Latitude { get; private set; }
    public string Description { get; private set; } = "";
    public string DistrictCode { get; private set; } = "";
    public string ReportedBy { get; private set; } = "";
    public DateTimeOffset ReportedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? DepartmentId { get; private set; }
    /// <summary>Key of the department the case is dispatched to, beside its id, so that 监管分离 is decided on the case alone.</summary>
    public string? DepartmentKey { get; private set; }
    /// <summary>
    /// 内部派遣: the handler inside the department (or one of its sub-units) the case was given to, by user name; null
    /// while the department as a whole holds it. A new dispatch or a return clears it.
    /// </summary>
    public string? AssigneeUserName { get; private set; }
    /// <summary>The department (the holding one or its sub-unit) <see cref="AssigneeUserName"/> belongs to.</summary>
    public string? AssigneeDepartmentKey { get; private set; }
    /// <summary>Set when no routing rule covered the case: it waits in the dispatcher's manual queue (事事有人管).</summary>
    public bool NeedsManualDispatch { get; private set; }
    /// <summary>The 15-digit unit grid the point lies in; null only on rows stored before cases were located.</summary>
    public string? UnitGridCode { get; private set; }
    public string? CommunityCode { get; private set; }
    public string? StreetCode { get; private set; }
    public string? ResponsibilityGridCode { get; private set; }
    /// <summary>A patroller reported outside the responsibility grids they patrol: accepted, but shown to the command centre.</summary>
    public bool OutsideResponsibilityGrid { get; private set; }

    /// <summary>
    /// Set while a verification or check waits in a grid with nobody on duty: who holds the task instead of the grid's
    /// patrollers. Cleared when the case leaves <see cref="CaseState.Verifying"/> or <see cref="CaseState.Checking"/>.
    /// </summary>
    public OnSiteHolder? OnSiteFallback { get; private set; }

    /// <summary>Hotline reports: the caller, for the callback (回访).</summary>
    public string? CallerName { get; private set; }
    public string? CallerPhone { get; private set; }
    /// <summary>The patroller fixed the problem when reporting it (自行处置); an acceptor confirms and closes it.</summary>
    public bool SelfHandled { get; private set; }
    /// <summary>The component (部件) the report is about, when the reporter picked one from the inventory.</summary>
    public string? ComponentId { get; private set; }

    /// <summary>The step whose clock runs; null when no step is timed.</summary>
    public CaseStage? DeadlineStage { get; private set; }
    public DateTimeOffset? DeadlineStartedAt { get; private set; }
    /// <summary>When the current step's time limit runs out. Kept (and moved on resumption) while suspended.</summary>
    public DateTimeOffset? NextDeadline { get; private set; }
    public DateTimeOffset? YellowAt { get; private set; }
    public TimeLimitUnit? DeadlineUnit { get; private set; }
    public CaseLight? Light { get; private set; }
    /// <summary>When the sweeper must look at the light next; null when nothing more can change (red, suspended, untimed).</summary>
    public DateTimeOffset? LightChangesAt { get; private set; }
    /// <summary>Set while suspended (挂账): the clock stands still from here.</summary>
    public DateTimeOffset? SuspendedAt { get; private set; }

    public PendingRequest? PendingRequest { get; private set; }
    public decimal? RequestedLimitAmount { get; private set; }
    public TimeLimitUnit? RequestedLimitUnit { get; private set; }

    /// <summary>Approved extensions (延期), counted for 延期率.</summary>
    public int ExtensionCount { get; private set; }
    /// <summary>Failed checks sent back to the department (返工).</summary>
    public int ReworkCount { get; private set; }
    /// <summary>Returns by departments (回退), counted against dispatch accuracy.</summary>
    public int ReturnCount { get; private set; }

    /// <summary>督办: a leader's instruction, or an overdue case escalated up the grid.</summary>
    public bool Escalated { get; private set; }
    public EscalationLevel? EscalationLevel { get; private set; }
    /// <summary>Grid code of the command the case was escalated to (street, district or city).</summary>
    public string? EscalatedTo { get; private set; }
    public string? EscalationInstruction { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>When the case was first dispatched (派遣) to a department; the ledger's dispatch period filters on it.</summary>
    public DateTimeOffset? DispatchedAt { get; private set; }
    /// <summary>When the case was closed (结案, or closed after 自行处置); null while it is not.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>Some step of the case ran past its time limit (超时), whatever its light shows now.</summary>
    public bool WasOverdue { get; private set; }

    /// <summary>回访: whether the reporting member of the public was satisfied.</summary>
    public bool? CallbackSatisfied { get; private set; }

    /// <summary>What evaluation has already counted for this case (once-per-case counts), and whether handling ran late.</summary>
    public EvaluationMarks EvaluationMarks { get; private set; }
    /// <summary>Who sent the case to its department last (a dispatcher, or <c>system</c> for the router): a return counts against them.</summary>
    public string? LastDispatcher { get; private set; }

    public IReadOnlyList<CaseTrace> Trace => _trace;
    /// <summary>The evaluation facts derived from the trace rows appended in this unit of work (saved with them).</summary>
    public IReadOnlyList<EvaluationFact> EvaluationFacts => _facts;
    public IReadOnlyList<CasePhoto> Photos => _photos;
    /// <summary>协办单位: departments assisting the lead department (主办, <see cref="DepartmentId"/>).</summary>
    public IReadOnlyList<CaseAssist> Assists => _assists;

    /// <summary>The running (or, while suspended, stopped) clock of the current step.</summary>
    public StageDeadline? Deadline => Clock.Deadline;

    /// <summary>The current step's clock, a value over the columns from <see cref="DeadlineStage"/> to <see cref="SuspendedAt"/>.</summary>
    public StepClock Clock => new(DeadlineStage, DeadlineStartedAt, NextDeadline, YellowAt, DeadlineUnit, Light, LightChangesAt, SuspendedAt);

    /// <summary>Where the case is, a value over the columns from <see cref="Longitude"/> to <see cref="OutsideResponsibilityGrid"/>.</summary>
    public CaseLocation Location => new(Longitude, Latitude, DistrictCode, UnitGridCode, CommunityCode, StreetCode,
        ResponsibilityGridCode, OutsideResponsibilityGrid);

    /// <summary>The hotline caller, a value over <see cref="CallerName"/> and <see cref="CallerPhone"/>.</summary>
    public CaseCaller Caller => new(CallerName, CallerPhone);

    /// <summary>督办 as a value over the columns from <see cref="Escalated"/> to <see cref="EscalatedAt"/>.</summary>
    public Escalation Escalation => new(Escalated, EscalationLevel, EscalatedTo, EscalationInstruction, EscalatedAt);

    public TimeLimit? RequestedLimit =>
        RequestedLimitAmount is { } amount && RequestedLimitUnit is { } unit ? new TimeLimit(amount, unit) : null;

    public static Case Report(Guid id, string number, CaseSource source, Guid categoryId, Guid? conditionId,
        double longitude, double latitude, string description, string districtCode, Actor reporter, DateTimeOffset at,
        GridLocation? location = null, ReportDetails? details = null, CaseClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        var place = CaseLocation.At(longitude, latitude, districtCode, location);
        var caller = CaseCaller.Of(details);
        var c = new Case
        {
            Id = id,
            Number = number,
            Source = source,
            CategoryId = categoryId,
            ConditionId = conditionId,
            Longitude = place.Longitude,
            Latitude = place.Latitude,
            Description = description,
            DistrictCode = place.DistrictCode,
            ReportedBy = reporter.UserName,
            ReportedAt = at,
            State = CaseState.Reported,
            UnitGridCode = place.UnitGridCode,
            CommunityCode = place.CommunityCode,
            StreetCode = place.StreetCode,
            ResponsibilityGridCode = place.ResponsibilityGridCode,
            OutsideResponsibilityGrid = place.OutsideResponsibilityGrid,
            CallerName = caller.Name,
            CallerPhone = caller.Phone,
            SelfHandled = details?.SelfHandled ?? false,
            ComponentId = details?.ComponentId,
        };
        c.Append(CaseAction.Report, null, CaseState.Reported, reporter, at, null, code: TraceCodes.Report);
        c.SetClock(c.Clock.Started(clock?.Start(CaseStage.Accept, at)));
        return c;
    }

    public CasePhoto AttachReportPhoto(string sha256, string contentType, long length)
    {
        var photo = new CasePhoto(Id, sha256, contentType, length, "report", ReportedAt, traceSequence: 1);
        _photos.Add(photo);
        return photo;
    }

    /// <summary>受理: the command centre takes the report in.</summary>
    public void Accept(Actor actor, DateTimeOffset at, string? opinion = null, CaseClock? clock = null) =>
        Take(CaseAction.Accept, actor, at, opinion, clock, code: actor?.IsSystem == true ? TraceCodes.AcceptAuto : TraceCodes.Accept);

    /// <summary>不予受理: not a matter for city management, a duplicate, or not true.</summary>
    public void Refuse(Actor actor, DateTimeOffset at, string reason) =>
        Take(CaseAction.Refuse, actor, at, Required(reason, nameof(reason)), null);

    /// <summary>发起核实: a patroller is to look on site before the report is accepted.</summary>
    /// <param name="fallback">Who holds the task when nobody is on duty in the grid; the trace says so.</param>
    public void RequestVerification(Actor actor, DateTimeOffset at, string? opinion = null, CaseClock? clock = null, OnSiteFallback? fallback = null) =>
        Take(CaseAction.RequestVerification, actor, at, opinion, clock, effect: () => OnSiteFallback = fallback?.Holder,
            code: fallback is null ? null : TraceCodes.RequestVerificationFallback, parameters: fallback?.Parameters());

    /// <summary>核实: the patroller's findings; the report goes back to the acceptor to decide.</summary>
    public void Verify(Actor actor, DateTimeOffset at, string? opinion, IReadOnlyList<PhotoFile>? photos = null, CaseClock? clock = null)
    {
        Take(CaseAction.Verify, actor, at, opinion, clock);
        Attach(photos, CaseAction.Verify, at);
    }

    /// <summary>立案: the report becomes a case that must be handled; the shift leader may correct category and condition.</summary>
    public void File(Actor actor, DateTimeOffset at, string? opinion = null, CaseClock? clock = null,
        Guid? categoryId = null, Guid? conditionId = null)
    {
        var category = categoryId ?? CategoryId;
        var condition = conditionId ?? (category == CategoryId ? ConditionId : null);
        var recategorized = category != CategoryId || condition != ConditionId;
        var code = actor?.IsSystem == true ? TraceCodes.FileAuto : recategorized ? TraceCodes.FileRecategorized : TraceCodes.File;
        var parameters = recategorized ? Parameters(
            (TraceParameters.CategoryId, category.ToString()),
            (TraceParameters.ConditionId, condition?.ToString())) : null;
        Take(CaseAction.File, actor!, at, opinion, clock, code: code, parameters: parameters, effect: () =>
        {
            if (categoryId is { } category && category != CategoryId)
            {
                CategoryId = category;
                ConditionId = null;
            }
            if (conditionId is not null)
                ConditionId = conditionId;
        });
    }

    /// <summary>作废 / 不予立案.</summary>
    public void Void(Actor actor, DateTimeOffset at, string reason) =>
        Take(CaseAction.Void, actor, at, Required(reason, nameof(reason)), null);

    /// <summary>派遣: the case goes to the department that must handle it.</summary>
    public void Dispatch(Guid departmentId, Actor actor, DateTimeOffset at, string? opinion = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Dispatch(departmentId, actor.DepartmentKey, actor, at, opinion, null);
    }

    /// <summary>
    /// 派遣 with the department's key (for 监管分离) and the clock that sets the handling deadline;
    /// <paramref name="ruleId"/> names the routing rule when the router, not a person, chose the department.
    /// </summary>
    public void Dispatch(Guid departmentId, string? departmentKey, Actor actor, DateTimeOffset at, string? opinion, CaseClock? clock,
        Guid? ruleId = null) =>
        Take(CaseAction.Dispatch, actor, at, opinion, clock, departmentKey: departmentKey,
            code: ruleId is null ? TraceCodes.Dispatch : TraceCodes.DispatchRule,
            parameters: Parameters((TraceParameters.DepartmentKey, departmentKey), (TraceParameters.RuleId, ruleId?.ToString())),
            effect: () =>
        {
            DepartmentId = departmentId;
            DepartmentKey = departmentKey;
            NeedsManualDispatch = false;
            ClearAssignee();
        });

    /// <summary>
    /// 协办: the departments that assist the lead department, replacing those named before (none ends co-handling).
    /// The lead stays the one that answers for the case. Load <see cref="Assists"/> before calling.
    /// </summary>
    public void SetAssistingDepartments(IReadOnlyList<(Guid Id, string Key)> departments, Actor actor, DateTimeOffset at, string? opinion = null)
    {
        ArgumentNullException.ThrowIfNull(departments);
        if (departments.Count > MaxAssistingDepartments)
            throw new ArgumentException($"At most {MaxAssistingDepartments} departments assist one case.", nameof(departments));
        if (departments.Select(d => d.Id).Distinct().Count() != departments.Count)
            throw new ArgumentException("A department is named twice.", nameof(departments));
        if (DepartmentId is { } lead && departments.Any(d => d.Id == lead))
            throw new ArgumentException("The lead department (主办) cannot also assist.", nameof(departments));
        Take(CaseAction.Assist, actor, at, string.IsNullOrWhiteSpace(opinion) ? null : opinion, null,
            code: departments.Count == 0 ? TraceCodes.AssistEnd : TraceCodes.Assist,
            parameters: departments.Count == 0 ? null
                : Parameters((TraceParameters.DepartmentKeys, string.Join(",", departments.Select(d => d.Key)))),
            effect: () =>
        {
            _assists.RemoveAll(a => departments.All(d => d.Id != a.DepartmentId));
            foreach (var (id, key) in departments.Where(d => _assists.All(a => a.DepartmentId != d.Id)))
                _assists.Add(new CaseAssist(Id, id, key, at));
        });
    }

    /// <summary>
    /// No rule covers the case: it stays to be dispatched, flagged for the dispatcher's manual queue.
    /// <paramref name="reason"/> is one of <see cref="UnroutableReasons"/>, kept as the row's parameter.
    /// </summary>
    public void MarkUnroutable(Actor actor, DateTimeOffset at, string reason) =>
        Take(CaseAction.MarkUnroutable, actor, at, null, null, code: TraceCodes.MarkUnroutable,
            parameters: Parameters((TraceParameters.Reason, Required(reason, nameof(reason)))),
            effect: () => NeedsManualDispatch = true);

    /// <summary>
    /// 内部派遣: a handler of the department holding the case gives it to a named handler of the department or of one
    /// of its sub-units (<paramref name="assigneeDepartmentKey"/>); that person may then act on it for the department.
    /// The caller has checked that the assignee is a handler of that unit.
    /// </summary>
    public void AssignHandler(Actor actor, DateTimeOffset at, string assigneeUserName, string assigneeDepartmentKey, string? opinion = null)
    {
        Required(assigneeUserName, nameof(assigneeUserName));
        Required(assigneeDepartmentKey, nameof(assigneeDepartmentKey));
        if (string.Equals(assigneeUserName, AssigneeUserName, StringComparison.Ordinal))
            throw new ArgumentException($"Case {Number} is already with {assigneeUserName}.", nameof(assigneeUserName));
        Take(CaseAction.AssignHandler, actor, at, string.IsNullOrWhiteSpace(opinion) ? null : opinion, null,
            code: TraceCodes.AssignHandler,
            parameters: Parameters((TraceParameters.Assignee, assigneeUserName), (TraceParameters.DepartmentKey, assigneeDepartmentKey)),
            effect: () =>
        {
            AssigneeUserName = assigneeUserName;
            AssigneeDepartmentKey = assigneeDepartmentKey;
        });
    }

    /// <summary>签收: the department takes the case on.</summary>
    public void Sign(Actor actor, DateTimeOffset at, string? opinion = null) =>
        Take(CaseAction.Sign, actor, at, opinion, null);

    /// <summary>回退: "not ours"; the case leaves the department and waits for the dispatcher.</summary>
    public void Return(Actor actor, DateTimeOffset at, string reason, CaseClock? clock = null) =>
        Take(CaseAction.Return, actor, at, Required(reason, nameof(reason)), clock, effect: () =>
        {
            DepartmentId = null;
            DepartmentKey = null;
            ClearAssignee();
            // Co-handling was arranged around the lead; the next dispatch arranges it again.
            _assists.Clear();
            ReturnCount++;
            ClearRequest();
        });

    /// <summary>申请延期: the department asks for more time; the dispatcher or shift leader decides.</summary>
    public void RequestExtension(Actor actor, DateTimeOffset at, TimeLimit requested, string? reason)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (requested.IsZero)
            throw new ArgumentException("An extension must ask for some time.", nameof(requested));
        Take(CaseAction.RequestExtension, actor, at, reason, null, parameters: LimitParameters(requested), effect: () =>
        {
            PendingRequest = Cases.PendingRequest.Extension;
            RequestedLimitAmount = requested.Amount;
            RequestedLimitUnit = requested.Unit;
        });
    }

    /// <summary>批准延期: the deadline moves by <paramref name="granted"/> (or what was asked), counted from the current deadline.</summary>
    public void ApproveExtension(Actor actor, DateTimeOffset at, TimeLimit? granted, string? opinion, CaseClock? clock)
    {
        if (granted is { IsZero: true })
            throw new ArgumentException("An approved extension must give some time.", nameof(granted));
        var given = granted ?? RequestedLimit;
        Take(CaseAction.ApproveExtension, actor, at, opinion, null, parameters: given is null ? null : LimitParameters(given), effect: () =>
        {
            SetClock(Clock.Extended(clock, granted ?? RequestedLimit!, at));
            ExtensionCount++;
            ClearRequest();
        });
    }

    public void RejectExtension(Actor actor, DateTimeOffset at, string reason) =>
        Take(CaseAction.RejectExtension, actor, at, Required(reason, nameof(reason)), null, effect: ClearRequest);

    /// <summary>申请挂账: the problem cannot be fixed within any normal limit (works, season, funding).</summary>
    public void RequestSuspension(Actor actor, DateTimeOffset at, string reason) =>
        Take(CaseAction.RequestSuspension, actor, at, Required(reason, nameof(reason)), null,
            effect: () => PendingRequest = Cases.PendingRequest.Suspension);

    /// <summary>批准挂账: the case is parked and its clock stops; it leaves the overdue count.</summary>
    public void ApproveSuspension(Actor actor, DateTimeOffset at, string? opinion = null) =>
        Take(CaseAction.ApproveSuspension, actor, at, opinion, null, effect: () =>
        {
            ClearRequest();
            SetClock(Clock.Suspended(at));
        });

    public void RejectSuspension(Actor actor, DateTimeOffset at, string reason) =>
        Take(CaseAction.RejectSuspension, actor, at, Required(reason, nameof(reason)), null, effect: ClearRequest);

    /// <summary>恢复: the suspended case is worked again; its deadline moves by the time the clock stood still.</summary>
    public void Resume(Actor actor, DateTimeOffset at, string? opinion, CaseClock? clock) =>
        Take(CaseAction.Resume, actor, at, opinion, null, effect: () => SetClock(Clock.Resumed(clock, at)));

    /// <summary>处置反馈: the department reports the problem fixed, with photos of the result.</summary>
    public void Feedback(Actor actor, DateTimeOffset at, string? opinion, IReadOnlyList<PhotoFile>? photos = null, CaseClock? clock = null)
    {
        Take(CaseAction.Feedback, actor, at, opinion, clock, effect: ClearRequest);
        Attach(photos, CaseAction.Feedback, at);
    }

    /// <summary>发起核查: a patroller is to check the result on site.</summary>
    /// <param name="fallback">Who holds the task when nobody is on duty in the grid; the trace says so.</param>
    public void RequestCheck(Actor actor, DateTimeOffset at, string? opinion = null, OnSiteFallback? fallback = null) =>
        Take(CaseAction.RequestCheck, actor, at, opinion, null, effect: () => OnSiteFallback = fallback?.Holder,
            code: fallback is null ? null : TraceCodes.RequestCheckFallback, parameters: fallback?.Parameters());

    /// <summary>核查: passed goes on to closing; failed goes back to the same department as rework (返工).</summary>
    public void Check(Actor actor, DateTimeOffset at, bool passed, string? opinion, IReadOnlyList<PhotoFile>? photos = null, CaseClock? clock = null)
    {
        if (!passed)
            Required(opinion, nameof(opinion));
        Take(CaseAction.Check, actor, at, opinion, clock, to: passed ? CaseState.ToClose : CaseState.Handling,
            code: passed ? TraceCodes.CheckPassed : TraceCodes.CheckFailed, effect: () =>
        {
            if (!passed)
                ReworkCount++;
        });
        Attach(photos, CaseAction.Check, at);
    }

    /// <summary>结案.</summary>
    public void Close(Actor actor, DateTimeOffset at, string? opinion = null) =>
        Take(CaseAction.Close, actor, at, opinion, null);

    /// <summary>督办: a leader flags the case with an instruction; the state does not change.</summary>
    public void Escalate(Actor actor, DateTimeOffset at, string instruction) =>
        Take(CaseAction.Escalate, actor, at, Required(instruction, nameof(instruction)), null,
            effect: () => SetEscalation(Escalation.ByLeader(instruction, at)));

    /// <summary>回访: the member of the public is called back after closing; the case is archived.</summary>
    public void Callback(Actor actor, DateTimeOffset at, bool satisfied, string? opinion = null) =>
        Take(CaseAction.Callback, actor, at, opinion, null,
            code: satisfied ? TraceCodes.CallbackSatisfied : TraceCodes.CallbackUnsatisfied,
            effect: () => CallbackSatisfied = satisfied);

    /// <summary>自行处置: the acceptor confirms the patroller's fix on the spot and closes the case without dispatch.</summary>
    public void SelfHandle(Actor actor, DateTimeOffset at, string? opinion = null, IReadOnlyList<PhotoFile>? photos = null)
    {
        Take(CaseAction.SelfHandle, actor, at, opinion, null);
        Attach(photos, CaseAction.SelfHandle, at);
    }

    /// <summary>
    /// The sweeper's look at the light at <paramref name="now"/>: yellow past 80 % of the limit (a warning row),
    /// red past the limit (an overdue row, then escalation one grid level up). Does nothing when nothing is due.
    /// </summary>
    public SweepOutcome? Sweep(DateTimeOffset now)
    {
        if (State.IsTerminal() || !Clock.IsDueAt(now))
            return null;
        var deadline = Clock.Deadline!;
        switch (Clock.ChangeAt(now))
        {
            case CaseLight.Red:
                Take(CaseAction.Overdue, Actor.System, now, null, null, code: TraceCodes.Overdue,
                    parameters: Parameters((TraceParameters.Stage, deadline.Stage.Name())),
                    effect: () =>
                    {
                        SetClock(Clock.Showing(CaseLight.Red));
                        WasOverdue = true;
                    });
                var escalation = Escalation.UpOneLevel(StreetCode, DistrictCode, now);
                Take(CaseAction.Escalate, Actor.System, now, null, null, code: TraceCodes.EscalateAuto,
                    parameters: Parameters((TraceParameters.Level, escalation.Level?.Name()), (TraceParameters.Target, escalation.To)),
                    effect: () => SetEscalation(escalation));
                return new SweepOutcome(CaseLight.Red, deadline, escalation.Level, escalation.To);
            case CaseLight.Yellow:
                Take(CaseAction.Warn, Actor.System, now, null, null, code: TraceCodes.Warn,
                    parameters: Parameters((TraceParameters.Stage, deadline.Stage.Name())),
                    effect: () => SetClock(Clock.Showing(CaseLight.Yellow)));
                return new SweepOutcome(CaseLight.Yellow, deadline, null, null);
            default:
                // Nothing to announce (the light already shows this): only look again when it can next change.
                SetClock(Clock.Rescheduled());
                return null;
        }
    }

    private void Take(string action, Actor actor, DateTimeOffset at, string? opinion, CaseClock? clock,
        CaseState? to = null, Action? effect = null, string? departmentKey = null,
        string? code = null, IReadOnlyDictionary<string, string>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (opinion is { Length: > MaxOpinionLength })
            throw new ArgumentException($"An opinion has at most {MaxOpinionLength} characters.", nameof(opinion));
        var rule = CaseLifecycle.Ensure(this, action, actor);
        var target = to ?? (rule.To.Count == 0 ? State : rule.To[0]);
        if (rule.To.Count == 0 ? target != State : !rule.To.Contains(target))
            throw new ArgumentException($"Action '{action}' cannot lead to {target}.", nameof(to));

        var from = State;
        var holdingBefore = DepartmentKey;
        var fromStage = CaseStages.Of(from);
        var toStage = CaseStages.Of(target);
        var endsStage = fromStage != toStage;
        var onTime = endsStage ? Clock.OnTimeAt(at) : null;

        State = target;
        if (target is not (CaseState.Verifying or CaseState.Checking))
            OnSiteFallback = null;
        if (target == CaseState.Dispatched)
            DispatchedAt ??= at;
        if (target == CaseState.Closed && from != CaseState.Closed)
            ClosedAt = at;
        effect?.Invoke();
        if (endsStage)
            SetClock(Clock.Started(toStage is { } next ? clock?.Start(next, at) : null));
        Append(action, from, target, actor, at, opinion, departmentKey, onTime, code, parameters, holdingBefore);
    }

    /// <summary>A row's parameters; names whose value is null are left out.</summary>
    private static Dictionary<string, string>? Parameters(params (string Name, string? Value)[] values)
    {
        var parameters = values.Where(v => v.Value is not null).ToDictionary(v => v.Name, v => v.Value!, StringComparer.Ordinal);
        return parameters.Count == 0 ? null : parameters;
    }

    private static Dictionary<string, string>? LimitParameters(TimeLimit limit) => Parameters(
        (TraceParameters.Limit, limit.Amount.ToString(CultureInfo.InvariantCulture)),
        (TraceParameters.Unit, TimeLimit.UnitName(limit.Unit)));

    private void SetClock(StepClock clock)
    {
        DeadlineStage = clock.Stage;
        DeadlineStartedAt = clock.StartedAt;
        NextDeadline = clock.Due;
        YellowAt = clock.YellowAt;
        DeadlineUnit = clock.Unit;
        Light = clock.Light;
        LightChangesAt = clock.LightChangesAt;
        SuspendedAt = clock.SuspendedAt;
    }

    private void SetEscalation(Escalation escalation)
    {
        Escalated = escalation.Escalated;
        EscalationLevel = escalation.Level;
        EscalatedTo = escalation.To;
        EscalationInstruction = escalation.Instruction;
        EscalatedAt = escalation.At;
    }

    private void ClearAssignee()
    {
        AssigneeUserName = null;
        AssigneeDepartmentKey = null;
    }

    private void ClearRequest()
    {
        PendingRequest = null;
        RequestedLimitAmount = null;
        RequestedLimitUnit = null;
    }

    private void Attach(IReadOnlyList<PhotoFile>? photos, string stage, DateTimeOffset at)
    {
        foreach (var photo in photos ?? [])
            _photos.Add(new CasePhoto(Id, photo.Sha256, photo.ContentType, photo.Length, stage, at, Version));
    }

    private static string Required(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArgumentException($"A {name} is required.", name) : text;

    private void Append(string action, CaseState? from, CaseState to, Actor actor, DateTimeOffset at, string? opinion,
        string? departmentKey = null, bool? onTime = null, string? code = null, IReadOnlyDictionary<string, string>? parameters = null,
        string? holdingBefore = null)
    {
        // Every trace row bumps the version, so the version doubles as the row's sequence number
        // and the trace need not be loaded to append to it.
        Version++;
        // A return clears the department: its own row still names the department that held (and returned) it.
        var holding = DepartmentKey ?? holdingBefore;
        var row = new CaseTrace(Id, Version, action, from, to, actor, at, opinion, departmentKey, onTime, code, parameters, holding);
        _trace.Add(row);
        UpdatedAt = at;
        Count(row);
    }

    /// <summary>Derives the row's evaluation facts from what the case knows now, and notes what was counted once.</summary>
    private void Count(CaseTrace row)
    {
        var marks = EvaluationMarks;
        if ((row.Action == CaseAction.Feedback && row.OnTime == false)
            || (row.Action == CaseAction.Overdue && row.Parameters.TryGetValue(TraceParameters.Stage, out var stage) && stage == CaseStage.Handle.Name()))
            marks |= EvaluationMarks.HandlingLate;
        var rework = row.Code is TraceCodes.CheckFailed or TraceCodes.CallbackUnsatisfied;
        var firstRework = rework && !marks.HasFlag(EvaluationMarks.ReworkCounted);
        var closing = row.Action is CaseAction.Close or CaseAction.SelfHandle;
        var firstClose = closing && !marks.HasFlag(EvaluationMarks.CloseCounted);
        var moment = new EvaluationMoment(row.HoldingDepartmentKey, DistrictCode, StreetCode, CommunityCode, UnitGridCode,
            CategoryId, ReportedBy, ReporterRole(Source), LastDispatcher, firstRework, firstClose, marks.HasFlag(EvaluationMarks.CloseDueCounted),
            marks.HasFlag(EvaluationMarks.HandlingLate));
        _facts.AddRange(FactCodes.Derive(row, moment));
        if (rework)
            marks |= EvaluationMarks.ReworkCounted;
        if (closing)
            marks |= EvaluationMarks.CloseCounted | EvaluationMarks.CloseDueCounted;
        if (row.Action == CaseAction.Dispatch)
        {
            marks |= EvaluationMarks.CloseDueCounted;
            LastDispatcher = row.ActorUserName;
        }
        if (row.Action == CaseAction.Return)
            marks &= ~EvaluationMarks.CloseDueCounted;
        EvaluationMarks = marks;
    }

    /// <summary>Whose report it was, by source: a patroller's patrol, an acceptor's hotline entry, else the source itself.</summary>
    private static string ReporterRole(CaseSource source) => source switch
    {
        CaseSource.Patrol => CaseRoles.Patroller,
        CaseSource.Hotline => CaseRoles.Acceptor,
        _ => source.ToString().ToLowerInvariant(),
    };
}

/// <summary>What evaluation has counted once for a case (docs/domain.md §6), so reopenings never count twice.</summary>
[Flags]
public enum EvaluationMarks
{
    None = 0,
    /// <summary>The case's rework (first failed check or unsatisfied callback) is counted.</summary>
    ReworkCounted = 1,
    /// <summary>The case's closing is counted (first close or self-handling).</summary>
    CloseCounted = 2,
    /// <summary>The case is counted as due to close for its holder (dispatched and not returned since, or self-handled).</summary>
    CloseDueCounted = 4,
    /// <summary>A handling round ended late or ran overdue: the closing is not on time.</summary>
    HandlingLate = 8,
}

/// <summary>What a sweep changed: the new light, the deadline it is about, and for red where the case was escalated to.</summary>
public sealed record SweepOutcome(CaseLight Light, StageDeadline Deadline, EscalationLevel? EscalatedLevel, string? EscalatedTo);
