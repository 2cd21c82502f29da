using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Dispatch.Api.Features.Grids;
using Dispatch.Domain.Grids;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Accounts;

/// <summary>The editable fields of an account once checked: trimmed, empty values as null, roles in the known set.</summary>
internal sealed record AccountFields(string DisplayName, IReadOnlyList<string> Roles, string? DepartmentKey, string? GridScope, string? Phone);

/// <summary>
/// What an account may hold, checked the same way on create and edit. A malformed value is a 400; a well-formed one
/// that cannot be (an unknown department, a scope on an account that takes none) a 422; both name the field.
/// </summary>
internal static partial class AccountRules
{
    public const int MaxUserNameLength = 64;
    public const int MaxDisplayNameLength = 64;
    public const int MaxDepartmentKeyLength = 64;
    public const int MaxPhoneLength = 32;
    public const int MaxPasswordLength = 128;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()-]*$")]
    private static partial Regex PhonePattern();

    public static void CheckUserName(string? userName, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(userName))
            errors["userName"] = ["The user name is required."];
        else if (userName.Length > MaxUserNameLength)
            errors["userName"] = [$"At most {MaxUserNameLength} characters."];
        else if (!UserNamePattern().IsMatch(userName))
            errors["userName"] = ["Letters, digits, '.', '_' and '-' only, starting with a letter or a digit."];
    }

    /// <summary>The format of each field; null with <paramref name="errors"/> filled when one is malformed.</summary>
    public static AccountFields? Parse(string? displayName, IReadOnlyList<string>? roles, string? departmentKey, string? gridScope, string? phone,
        Dictionary<string, string[]> errors)
    {
        var name = displayName?.Trim() ?? "";
        if (name.Length == 0)
            errors["displayName"] = ["The display name is required."];
        else if (name.Length > MaxDisplayNameLength)
            errors["displayName"] = [$"At most {MaxDisplayNameLength} characters."];

        var picked = new List<string>();
        if (roles is null || roles.Count == 0)
            errors["roles"] = [$"At least one role: {string.Join(", ", Roles.All)}."];
        else
        {
            var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
            if (unknown.Count > 0)
                errors["roles"] = [$"Unknown role {string.Join(", ", unknown.Select(r => $"'{r}'"))}; the roles are {string.Join(", ", Roles.All)}."];
            picked = roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }

        var department = string.IsNullOrWhiteSpace(departmentKey) ? null : departmentKey.Trim();
        if (department is { Length: > MaxDepartmentKeyLength })
            errors["departmentKey"] = [$"At most {MaxDepartmentKeyLength} characters."];

        string? scope = null;
        if (!string.IsNullOrWhiteSpace(gridScope))
        {
            if (GridCode.TryParse(gridScope.Trim(), out var code, out var error))
                scope = code.Value;
            else
                errors["gridScope"] = [error];
        }

        var number = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        if (number is { Length: > MaxPhoneLength })
            errors["phone"] = [$"At most {MaxPhoneLength} characters."];
        else if (number is not null && !PhonePattern().IsMatch(number))
            errors["phone"] = ["Digits, spaces, '-', '(' and ')', with an optional leading '+'."];

        return errors.Count > 0 ? null : new AccountFields(name, picked, department, scope, number);
    }

    /// <summary>
    /// What the fields refer to must exist and suit the roles: a department in service (not retired), a grid scope the
    /// roles can take (<see cref="ScopeProblemAsync"/>). The problems, by field (empty when none).
    /// </summary>
    public static async Task<Dictionary<string, string[]>> CheckReferencesAsync(AccountFields fields, DispatchDbContext db, GridDirectory grids,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var handler = fields.Roles.Contains(Roles.Handler);
        if (handler && fields.DepartmentKey is null)
            errors["departmentKey"] = ["A handler belongs to a department: name it."];
        else if (!handler && fields.DepartmentKey is not null)
            errors["departmentKey"] = [$"Only handlers ({Roles.Handler}) belong to a department."];
        else if (fields.DepartmentKey is { } key)
        {
            var department = await db.Departments.AsNoTracking().Where(d => d.Key == key).Select(d => new { d.RetiredAt }).SingleOrDefaultAsync(ct);
            if (department is null)
                errors["departmentKey"] = [$"No department '{key}'."];
            else if (department.RetiredAt is not null)
                errors["departmentKey"] = [$"Department '{key}' is retired: pick a department in service."];
        }

        if (fields.GridScope is { } scope
            && await ScopeProblemAsync(scope, fields.Roles, grids, "The account", ct) is { } problem)
            errors["gridScope"] = [problem];
        return errors;
    }

    /// <summary>
    /// Why an account holding <paramref name="roles"/> cannot take grid <paramref name="scope"/> (a valid code), or null
    /// when it can. A command-centre account takes any node in force; a patroller only a street (街道), which makes it
    /// one of that street's supervisors (街道监督员), who take the street's on-site tasks when a grid has nobody on duty.
    /// </summary>
    public static async Task<string?> ScopeProblemAsync(string scope, IEnumerable<string> roles, GridDirectory grids, string who,
        CancellationToken ct)
    {
        var held = roles.ToList();
        var commandCentre = held.Any(Roles.CommandCentre.Contains);
        var patroller = held.Contains(Roles.Patroller);
        if (!commandCentre && !patroller)
            return $"Only accounts with a command-centre role ({string.Join(", ", Roles.CommandCentre)}) or patrollers ({Roles.Patroller}, "
                + "scoped to a street as its supervisor) take a grid scope.";
        if ((await grids.GetAsync(ct)).Find(scope) is null)
            return $"No grid node {scope} is in force.";
        if (!commandCentre && GridCode.TryParse(scope, out var code) && code.Level != GridLevel.Street)
            return $"{who} is a patroller: a patroller's grid scope makes it a street's supervisor (街道监督员), so it must be a "
                + $"street node ({GridCode.StreetLength} digits), not the {GridLevels.Name(code.Level)} node {scope}.";
        return null;
    }

    /// <summary>The password policy's objections to <paramref name="password"/> (Identity's validators), or none.</summary>
    public static async Task<string[]> PasswordProblemsAsync(UserManager<AppUser> users, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return ["The password is required."];
        if (password.Length > MaxPasswordLength)
            return [$"At most {MaxPasswordLength} characters."];
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        return problems.ToArray();
    }

    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";

    /// <summary>
    /// A temporary password to read out or copy: 12 characters without look-alikes (0/O, 1/l/I), in groups of four
    /// joined by '-', with an upper and a lower case letter and a digit whatever the draw.
    /// </summary>
    public static string TemporaryPassword()
    {
        var all = Upper + Lower + Digits;
        var chars = RandomNumberGenerator.GetString(all, 9).ToCharArray().ToList();
        foreach (var set in new[] { Upper, Lower, Digits })
            chars.Insert(RandomNumberGenerator.GetInt32(chars.Count + 1), set[RandomNumberGenerator.GetInt32(set.Length)]);
        var text = new string(chars.ToArray());
        return $"{text[..4]}-{text[4..8]}-{text[8..]}";
    }

    /// <summary>
    /// The number of enabled administrators other than <paramref name="except"/>. Call it inside the change's
    /// transaction after <see cref="LockAdministratorsAsync"/>, so two administrators cannot disable each other at once.
    /// </summary>
    public static async Task<int> OtherEnabledAdministratorsAsync(DispatchDbContext db, string exceptUserId, DateTimeOffset now, CancellationToken ct)
    {
        var disabledFrom = now.AddYears(100);
        return await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      join u in db.Users on ur.UserId equals u.Id
                      where r.Name == Roles.Admin && u.Id != exceptUserId && (u.LockoutEnd == null || u.LockoutEnd <= disabledFrom)
                      select u.Id).Distinct().CountAsync(ct);
    }

    /// <summary>Serialises the changes that could take away the last administrator (a transaction-scoped lock on the admin role's row).</summary>
    public static Task LockAdministratorsAsync(DispatchDbContext db, CancellationToken ct) =>
        db.Roles.Where(r => r.Name == Roles.Admin).ExecuteUpdateAsync(s => s.SetProperty(r => r.ConcurrencyStamp, r => r.ConcurrencyStamp), ct);

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The account is not valid");

    public static ProblemHttpResult Unprocessable(string title, Dictionary<string, string[]> errors) =>
        TypedResults.Problem(title: title, detail: string.Join(" ", errors.Values.SelectMany(v => v)),
            statusCode: StatusCodes.Status422UnprocessableEntity, extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult NotFound(string userName) =>
        TypedResults.Problem(title: "Account not found", detail: $"No account '{userName}'.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult LastAdministrator(string field, string userName) =>
        Unprocessable("The last administrator", new Dictionary<string, string[]>
        {
            [field] = [$"'{userName}' is the last enabled administrator: enable or appoint another administrator first."],
        });

    public static void Succeeded(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Updating {userName} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
