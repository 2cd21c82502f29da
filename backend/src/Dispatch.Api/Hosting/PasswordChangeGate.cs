using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Api.Hosting;

/// <summary>
/// An account whose password an administrator set (a new account, a reset) may, until it sets its own, only read who
/// it is, sign out and change its password: every other API and hub request gets 403 with the code
/// <see cref="Code"/>, so the frontend knows to show the password form rather than "forbidden". The flag travels in
/// the cookie (<see cref="DispatchClaims.PasswordChangeRequired"/>), so the check costs no database read.
/// </summary>
internal sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string Code = "password_change_required";

    private static readonly (string Method, string Path)[] Allowed =
    [
        (HttpMethods.Get, "/api/auth/me"),
        (HttpMethods.Post, "/api/auth/logout"),
        (HttpMethods.Post, "/api/auth/login"),
        (HttpMethods.Post, "/api/auth/password"),
    ];

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.User.HasClaim(DispatchClaims.PasswordChangeRequired, "true") && Gated(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Password change required",
                Detail = "The password of this account was set by an administrator: set a new one (POST /api/auth/password) before anything else.",
            };
            problem.Extensions["code"] = Code;
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }))
                await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            return;
        }
        await next(http);
    }

    private static bool Gated(HttpRequest request)
    {
        var path = request.Path;
        if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/hubs"))
            return false;
        foreach (var (method, allowed) in Allowed)
            if (HttpMethods.Equals(request.Method, method) && path.Equals(allowed, StringComparison.OrdinalIgnoreCase))
                return false;
        return true;
    }
}
