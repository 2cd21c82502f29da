using Dispatch.Api.Features.Calendar;
using Dispatch.Domain.Calendar;
using Dispatch.Domain.Cases;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Features.Cases.Clocks;

/// <summary>
/// Builds the <see cref="CaseClock"/> of one case: step limits from configuration, the handling limit from the
/// case's filing condition (or the area class's own limit for it), all counted on the current working calendar.
/// </summary>
public sealed class CaseClocks(DispatchDbContext db, WorkingCalendars calendars, IOptions<SlaOptions> options)
{
    public Task<CaseClock> ForAsync(Case c, CancellationToken ct) =>
        ForAsync(c.CategoryId, c.ConditionId, c.UnitGridCode ?? c.StreetCode ?? c.DistrictCode, ct);

    public async Task<CaseClock> ForAsync(Guid categoryId, Guid? conditionId, string? gridCode, CancellationToken ct)
    {
        var settings = options.Value;
        var calendar = await calendars.GetAsync(db, ct);
        var handling = await HandlingLimitAsync(categoryId, conditionId, settings.AreaClassOf(gridCode), ct)
            ?? settings.DefaultHandling.ToTimeLimit();
        return new CaseClock(new DeadlineCalculator(calendar),
            stage => stage == CaseStage.Handle ? handling : settings.Steps.For(stage)?.ToTimeLimit(),
            settings.YellowFraction);
    }

    /// <summary>The condition's limit for the area class; without a condition, the category's first one in use.</summary>
    private async Task<TimeLimit?> HandlingLimitAsync(Guid categoryId, Guid? conditionId, string areaClass, CancellationToken ct)
    {
        var condition = conditionId is { } id
            ? await db.CategoryConditions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            : await db.CategoryConditions.AsNoTracking().Where(x => x.CategoryId == categoryId && x.RetiredAt == null).OrderBy(x => x.Ordinal).FirstOrDefaultAsync(ct);
        if (condition is null)
            return null;
        var own = await db.ConditionTimeLimits.AsNoTracking()
            .SingleOrDefaultAsync(x => x.ConditionId == condition.Id && x.AreaClass == areaClass, ct);
        return own?.TimeLimit ?? condition.TimeLimit;
    }
}
