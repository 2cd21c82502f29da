using System.Security.Claims;
using Dispatch.Api.Hosting;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Auth;

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

/// <param name="GridScope">The grid node the account is scoped to (its boards start there and stop at its edge), or null.</param>
/// <param name="PasswordChangeRequired">
/// The password was set by an administrator: until the person sets their own (POST /api/auth/password), every other
/// API answers 403 with the code <c>password_change_required</c>.
/// </param>
public sealed record MeDto(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? DepartmentKey, string? GridScope,
    bool PasswordChangeRequired)
{
    public static MeDto From(ClaimsPrincipal user) => new(
        user.Identity!.Name!,
        user.FindFirstValue(DispatchClaims.DisplayName) ?? user.Identity.Name!,
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToList(),
        user.FindFirstValue(DispatchClaims.DepartmentKey),
        user.FindFirstValue(DispatchClaims.GridScope),
        user.HasClaim(DispatchClaims.PasswordChangeRequired, "true"));
}

public static class AuthEndpoints
{
    /// <summary>Identity's own column is 256 characters; a longer name cannot exist.</summary>
    private const int MaxUserNameLength = 256;

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", Login).AllowAnonymous();
        group.MapPost("/logout", Logout).RequireAuthorization();
        group.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(MeDto.From(user))).RequireAuthorization();
        group.MapPost("/password", ChangePassword).RequireAuthorization()
            .WithSummary("Replaces the signed-in account's password; the account's other sessions end");
        return app;
    }

    /// <summary>
    /// An unknown name and a wrong password get the same answers in the same time (see <see cref="SignInThrottle"/>):
    /// exactly one password hash is verified on every path that ends in 401 or 423.
    /// </summary>
    private static async Task<Results<Ok<MeDto>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, SignInManager<AppUser> signIn, SignInThrottle throttle, DispatchDbContext db, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
            errors["userName"] = ["User name is required."];
        else if (request.UserName.Length > MaxUserNameLength)
            errors["userName"] = [$"At most {MaxUserNameLength} characters."];
        if (string.IsNullOrEmpty(request.Password))
            errors["password"] = ["Password is required."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(request.UserName!);
        if (user is null)
        {
            var name = users.NormalizeName(request.UserName!);
            throttle.VerifyNothing(request.Password!);
            return throttle.IsLockedOut(name) || throttle.Fail(name) ? Locked() : WrongCredentials();
        }
        if (await users.IsLockedOutAsync(user))
        {
            throttle.VerifyNothing(request.Password!);
            return Locked();
        }
        var result = await signIn.PasswordSignInAsync(user, request.Password!, isPersistent: true, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return Locked();
        if (!result.Succeeded)
            return WrongCredentials();
        // Written past Identity, so that signing in leaves the concurrency stamp (the version an administrator edits from) alone.
        var now = clock.GetUtcNow();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now));
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.Ok(MeDto.From(principal));
    }

    /// <summary>The same answer for a lockout, a disabled account and a locked unknown name (see <see cref="SignInThrottle"/>).</summary>
    private static ProblemHttpResult Locked() =>
        TypedResults.Problem(title: "Account locked",
            detail: "This account may not sign in now: after too many failed sign-ins it is locked for a while, or an administrator disabled it. "
                + "Try again later or ask an administrator.",
            statusCode: StatusCodes.Status423Locked, extensions: new Dictionary<string, object?> { ["code"] = "account_locked" });

    private static ProblemHttpResult WrongCredentials() =>
        TypedResults.Problem(title: "Sign-in failed", detail: "Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>
    /// The person replaces their password, which an administrator's reset or a new account requires before anything
    /// else: the new one must meet the policy and differ from the current one. The security stamp changes, so every
    /// other session of the account ends; this one gets a fresh cookie without the "must change" mark.
    /// </summary>
    private static async Task<Results<Ok<MeDto>, ValidationProblem, UnauthorizedHttpResult>> ChangePassword(
        PasswordChangeRequest? request, ClaimsPrincipal principal, SignInManager<AppUser> signIn)
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(principal) is not { } user)
            return TypedResults.Unauthorized();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request?.CurrentPassword))
            errors["currentPassword"] = ["The current password is required."];
        if (string.IsNullOrEmpty(request?.NewPassword))
            errors["newPassword"] = ["The new password is required."];
        else if (request.NewPassword == request.CurrentPassword)
            errors["newPassword"] = ["The new password must differ from the current one."];
        else if (request.NewPassword.Length > MaxPasswordLength)
            errors["newPassword"] = [$"At most {MaxPasswordLength} characters."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var required = user.MustChangePassword;
        user.MustChangePassword = false;
        var changed = await users.ChangePasswordAsync(user, request!.CurrentPassword!, request.NewPassword!);
        if (!changed.Succeeded)
        {
            user.MustChangePassword = required;
            var mismatch = changed.Errors.Where(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)).ToList();
            if (mismatch.Count > 0)
                errors["currentPassword"] = ["The current password is wrong."];
            var policy = changed.Errors.Except(mismatch).Select(e => e.Description).ToArray();
            if (policy.Length > 0)
                errors["newPassword"] = policy;
            return TypedResults.ValidationProblem(errors, title: "The password was not changed");
        }
        await signIn.SignInAsync(user, isPersistent: true);
        return TypedResults.Ok(MeDto.From(await signIn.CreateUserPrincipalAsync(user)));
    }

    /// <summary>A password longer than this is refused before it is hashed.</summary>
    private const int MaxPasswordLength = 128;

    /// <summary>
    /// Ends the session on the server too: a new security stamp makes every cookie issued before it worthless, the
    /// one just cleared and any copy of it (so signing out ends the account's sessions on every device).
    /// </summary>
    private static async Task<NoContent> Logout(ClaimsPrincipal principal, SignInManager<AppUser> signIn)
    {
        if (await signIn.UserManager.GetUserAsync(principal) is { } user)
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }
}
