using Dispatch.Api.Features.Grids;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.VisualBasic.FileIO;

namespace Dispatch.Api.Seeding;

/// <summary>
/// Demo mode only: the 桂林市 / 象山区 departments and one account per role (plus one handler per department)
/// sharing the configured password. Routing rules come from the catalogue (RoutingSeeder), not from here.
/// </summary>
public sealed class DemoSeeder(
    DispatchDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<DemoOptions> options,
    IWebHostEnvironment environment)
{
    /// <summary>The demo accounts; the last two are scoped to one street each (450304002 南门街道, 450304001 象山街道).</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? GridScope)> Accounts =
    [
        ("admin", "系统管理员", Roles.Admin, null),
        ("patroller1", "监督员一", Roles.Patroller, null),
        ("patroller2", "监督员二", Roles.Patroller, null),
        // 南门街道's supervisor: a patroller scoped to the street takes its grids' on-site tasks while nobody is on duty there.
        ("patroller.nanmen", "南门街道监督员", Roles.Patroller, "450304002"),
        ("acceptor1", "受理员一", Roles.Acceptor, null),
        ("shiftleader1", "值班长一", Roles.ShiftLeader, null),
        ("dispatcher1", "派遣员一", Roles.Dispatcher, null),
        ("leader1", "指挥中心领导", Roles.Leader, null),
        ("dispatcher.nanmen", "南门街道派遣员", Roles.Dispatcher, "450304002"),
        ("leader.xiangshan", "象山街道分管领导", Roles.Leader, "450304001"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var password = options.Value.Password;
        if (string.IsNullOrEmpty(password))
            throw new InvalidOperationException("Demo mode needs Demo:Password (the run script sets DISPATCH_DEMO_PASSWORD).");

        var departments = await SeedDepartmentsAsync(ct);

        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
        foreach (var (userName, displayName, role, gridScope) in Accounts)
            await EnsureUserAsync(userName, displayName, role, null, gridScope, password);
        foreach (var d in departments)
            await EnsureUserAsync($"handler.{d.Key}", $"{d.NameZh}处置员", Roles.Handler, d.Key, null, password);
    }

    private async Task<List<Department>> SeedDepartmentsAsync(CancellationToken ct)
    {
        if (!await db.Departments.AnyAsync(ct))
        {
            using var parser = new TextFieldParser(Path.Combine(environment.ContentRootPath, "SeedData", "departments-demo.csv"))
            { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            parser.ReadFields();
            while (!parser.EndOfData)
            {
                var f = parser.ReadFields()!;
                db.Departments.Add(new Department(Guid.CreateVersion7(), f[0], f[1], f[2], f[3], f[4], f[5]));
            }
            await db.SaveChangesAsync(ct);
        }
        return await db.Departments.OrderBy(d => d.Key).ToListAsync(ct);
    }

    private async Task EnsureUserAsync(string userName, string displayName, string role, string? departmentKey, string? gridScope, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new AppUser { UserName = userName, DisplayName = displayName, DepartmentKey = departmentKey, GridScope = gridScope };
            Check(await users.CreateAsync(user, password), userName);
            Check(await users.AddToRoleAsync(user, role), userName);
            return;
        }
        // A rerun with another password (a new generated one, say) must still let the printed password in.
        if (!await users.CheckPasswordAsync(user, password))
        {
            Check(await users.RemovePasswordAsync(user), userName);
            Check(await users.AddPasswordAsync(user, password), userName);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
