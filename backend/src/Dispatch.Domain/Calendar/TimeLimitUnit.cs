namespace Dispatch.Domain.Calendar;

/// <summary>The clock a time limit is counted on.</summary>
public enum TimeLimitUnit
{
    /// <summary>工作时: hours counted only inside working periods on working days.</summary>
    WorkingHours,

    /// <summary>紧急工作时: continuous clock hours, nights, weekends and holidays included.</summary>
    UrgentHours,

    /// <summary>工作日: whole working days, each ending when its last working period ends.</summary>
    WorkingDays,

    /// <summary>自然日: periods of 24 clock hours.</summary>
    CalendarDays,
}
