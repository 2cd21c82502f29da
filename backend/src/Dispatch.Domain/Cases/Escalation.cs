namespace Dispatch.Domain.Cases;

/// <summary>
/// 督办 on a case, as a value over its columns (<c>escalated</c> … <c>escalated_at</c>): a leader's instruction, or an
/// overdue case escalated up the grid, street first, then district, then city command.
/// </summary>
/// <param name="To">Grid code of the command the case was escalated to.</param>
public sealed record Escalation(bool Escalated, EscalationLevel? Level, string? To, string? Instruction, DateTimeOffset? At)
{
    public static readonly Escalation None = new(false, null, null, null, null);

    /// <summary>A leader flags the case with an instruction; the level up the grid stays as it was.</summary>
    public Escalation ByLeader(string instruction, DateTimeOffset at) => this with { Escalated = true, Instruction = instruction, At = at };

    /// <summary>
    /// The case is overdue: one grid level above where it stands, from the street the case lies in (when it has one)
    /// to its district, then to the city (the district code's first four digits and <c>00</c>).
    /// </summary>
    public Escalation UpOneLevel(string? streetCode, string districtCode, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(districtCode);
        var level = Level switch
        {
            null when streetCode is not null => EscalationLevel.Street,
            null or EscalationLevel.Street => EscalationLevel.District,
            _ => EscalationLevel.City,
        };
        var target = level switch
        {
            EscalationLevel.Street => streetCode!,
            EscalationLevel.District => districtCode,
            _ => districtCode.Length >= 4 ? $"{districtCode[..4]}00" : districtCode,
        };
        return this with { Escalated = true, Level = level, To = target, At = at };
    }
}
