using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Api.Hosting;

internal static class ProblemDetailsSetup
{
    /// <summary>
    /// Every error leaves as application/problem+json. Bad requests the framework itself rejects (an oversized body,
    /// a malformed form) keep their 4xx status; anything unexpected is a 500 without internals.
    /// </summary>
    public static IServiceCollection AddDispatchProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity?.Id
                ?? ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Bodies and parameters the framework binds fail with an exception in every environment, so that the handler
        // below answers them with the field that is wrong, as handlers that read their own bodies do.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}

internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
            Detail = bad.Message,
        };
        var (field, message) = bad.InnerException is System.Text.Json.JsonException json
            ? JsonBody.Describe(json)
            : (bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "body" : ParameterOf(bad.Message), bad.Message);
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    /// <summary>
    /// The framework names the parameter it could not bind in its message (<c>Failed to bind parameter "int year"
    /// from "x".</c>); without a name the body is at fault.
    /// </summary>
    private static string ParameterOf(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (end < 0)
            return "body";
        var declaration = message[(start + 1)..end].Split(' ');
        return declaration[^1];
    }
}
