using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Api.Hosting;

/// <summary>Problem answers written by middleware, before any endpoint runs; the same shape as a handler's ValidationProblem.</summary>
internal static class EdgeProblems
{
    public static async Task WriteAsync(HttpContext http, int status, string title, string field, string message)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = message };
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }))
            await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
