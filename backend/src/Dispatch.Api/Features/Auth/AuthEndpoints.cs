using System.Security.Claims;
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
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", Login).AllowAnonymous();
        group.MapPost("/logout", Logout).RequireAuthorization();
        group.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(MeDto.From(user))).RequireAuthorization();
        return app;
    }

    private static async Task<Results<Ok<MeDto>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, SignInManager<AppUser> signIn)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
            errors["userName"] = ["User name is required."];
        if (string.IsNullOrEmpty(request.Password))
            errors["password"] = ["Password is required."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var user = await signIn.UserManager.FindByNameAsync(request.UserName!);
        if (user is null)
            return WrongCredentials();
        var result = await signIn.PasswordSignInAsync(user, request.Password!, isPersistent: true, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return TypedResults.Problem(title: "Account locked", detail: "Too many failed sign-ins; try again later.",
                statusCode: StatusCodes.Status423Locked);
        if (!result.Succeeded)
            return WrongCredentials();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.Ok(MeDto.From(principal));
    }

    private static ProblemHttpResult WrongCredentials() =>
        TypedResults.Problem(title: "Sign-in failed", detail: "Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized);

    private static async Task<NoContent> Logout(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }
}
