using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Accounts;

/// <summary>The accounts an administrator looks for: by name, role, department and whether disabled; a page at a time.</summary>
public static class ListAccounts
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxQueryLength = 100;

    /// <param name="q">Part of the user name or the display name (any case).</param>
    /// <param name="role">Accounts holding this role.</param>
    /// <param name="department">Accounts of this department (its key).</param>
    /// <param name="disabled">true: disabled accounts only; false: enabled ones only.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1 to 200 (50 by default).</param>
    public static async Task<Results<Ok<AccountPageDto>, ValidationProblem>> Handle(
        DispatchDbContext db, TimeProvider clock, CancellationToken ct,
        string? q = null, string? role = null, string? department = null, bool? disabled = null, int? page = null, int? pageSize = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (q is { Length: > MaxQueryLength })
            errors["q"] = [$"Search text is at most {MaxQueryLength} characters."];
        if (!string.IsNullOrEmpty(role) && !Roles.All.Contains(role))
            errors["role"] = [$"Unknown role '{role}'; the roles are {string.Join(", ", Roles.All)}."];
        var number = page ?? 1;
        if (number < 1)
            errors["page"] = ["Pages count from 1."];
        var size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"A page holds 1 to {MaxPageSize} accounts."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var disabledFrom = now.AddYears(100);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            users = users.Where(u => EF.Functions.ILike(u.UserName!, pattern) || EF.Functions.ILike(u.DisplayName, pattern));
        }
        if (!string.IsNullOrEmpty(role))
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        if (!string.IsNullOrWhiteSpace(department))
            users = users.Where(u => u.DepartmentKey == department.Trim());
        if (disabled is true)
            users = users.Where(u => u.LockoutEnd > disabledFrom);
        else if (disabled is false)
            users = users.Where(u => u.LockoutEnd == null || u.LockoutEnd <= disabledFrom);

        var total = await users.CountAsync(ct);
        var rows = await users.OrderBy(u => u.UserName).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var ids = rows.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return TypedResults.Ok(new AccountPageDto(rows.Select(u => AccountDto.From(u, byUser[u.Id], now)).ToList(), total, number, size));
    }
}
