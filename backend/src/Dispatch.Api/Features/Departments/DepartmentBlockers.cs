using Dispatch.Domain.Cases;
using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Departments;

/// <summary>
/// What still points at a department and keeps it from being retired: open cases it leads or assists on, routing
/// rules in force (or yet to start) that name it (as the target or as the component owner), accounts in it that are not disabled, and
/// sub-units still in service. Each list is capped; the counts are complete.
/// </summary>
public sealed record DepartmentBlockers(
    BlockerList<string> OpenCases, BlockerList<string> AssistingCases, BlockerList<BlockingRule> Rules,
    BlockerList<BlockingAccount> Accounts, BlockerList<string> SubUnits)
{
    public const int Cap = 20;

    public bool Any => OpenCases.Count + AssistingCases.Count + Rules.Count + Accounts.Count + SubUnits.Count > 0;

    internal static readonly CaseState[] Finished = Enum.GetValues<CaseState>().Where(s => s.IsTerminal()).ToArray();

    public static async Task<DepartmentBlockers> FindAsync(DispatchDbContext db, Department d, DateTimeOffset now, CancellationToken ct)
    {
        var leading = db.Cases.AsNoTracking().Where(c => c.DepartmentId == d.Id && !Finished.Contains(c.State));
        var assisting = db.Cases.AsNoTracking()
            .Where(c => !Finished.Contains(c.State) && db.CaseAssists.Any(a => a.CaseId == c.Id && a.DepartmentId == d.Id));
        var rules = db.RoutingRules.AsNoTracking()
            .Where(r => (r.DepartmentId == d.Id || r.OwnerDepartmentId == d.Id) && (r.ValidTo == null || r.ValidTo > now));
        var disabledFrom = now.AddYears(100);
        var accounts = db.Users.AsNoTracking()
            .Where(u => u.DepartmentKey == d.Key && (u.LockoutEnd == null || u.LockoutEnd < disabledFrom));
        var subUnits = db.Departments.AsNoTracking().Where(s => s.ParentId == d.Id && s.RetiredAt == null);

        var ruleRows = await (from r in rules.OrderBy(r => r.Priority).ThenBy(r => r.Id).Take(Cap)
                              join c in db.Categories on r.CategoryId equals c.Id
                              select new { r.Id, c.Code, c.NameZh, r.GridCode }).ToListAsync(ct);
        return new DepartmentBlockers(
            new(await leading.CountAsync(ct), await leading.OrderBy(c => c.Number).Select(c => c.Number).Take(Cap).ToListAsync(ct)),
            new(await assisting.CountAsync(ct), await assisting.OrderBy(c => c.Number).Select(c => c.Number).Take(Cap).ToListAsync(ct)),
            new(await rules.CountAsync(ct), ruleRows
                .Select(r => new BlockingRule(r.Id, r.GridCode is null ? $"{r.Code} {r.NameZh}" : $"{r.Code} {r.NameZh} · {r.GridCode}")).ToList()),
            new(await accounts.CountAsync(ct), await accounts.OrderBy(u => u.UserName)
                .Select(u => new BlockingAccount(u.UserName!, u.DisplayName)).Take(Cap).ToListAsync(ct)),
            new(await subUnits.CountAsync(ct), await subUnits.OrderBy(s => s.Key).Select(s => s.Key).Take(Cap).ToListAsync(ct)));
    }
}
