using System.Security.Claims;
using Dispatch.Api.Hosting;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Api.Features.Auth;

public sealed record LoginRequest(string? UserName, string? Password);

/// <param name="GridScope">The grid node the account is scoped to (its boards start there and stop at its edge), or null.</param>
public sealed record MeDto(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? DepartmentKey, string? GridScope)
{
    public static MeDto From(ClaimsPrincipal user) => new(
        user.Identity!.Name!,
        user.FindFirstValue(DispatchClaims.DisplayName) ?? user.Identity.Name!,
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToList(),
        user.FindFirstValue(DispatchClaims.DepartmentKey),
        user.FindFirstValue(DispatchClaims.GridScope));
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
        return app;
    }

    /// <summary>
    /// An unknown name and a wrong password get the same answers in the same time (see <see cref="SignInThrottle"/>):
    /// exactly one password hash is verified on every path that ends in 401 or 423.
    /// </summary>
    private static async Task<Results<Ok<MeDto>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, SignInManager<AppUser> signIn, SignInThrottle throttle)
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
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.Ok(MeDto.From(principal));
    }

    private static ProblemHttpResult Locked() =>
        TypedResults.Problem(title: "Account locked", detail: "Too many failed sign-ins; try again later.",
            statusCode: StatusCodes.Status423Locked);

    private static ProblemHttpResult WrongCredentials() =>
        TypedResults.Problem(title: "Sign-in failed", detail: "Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized);

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
