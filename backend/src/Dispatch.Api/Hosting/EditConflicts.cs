using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Hosting;

/// <summary>
/// Optimistic concurrency for administrative edits. A record's DTO carries its <c>version</c> (PostgreSQL's row
/// version, <c>xmin</c>, or Identity's concurrency stamp); an edit sends back the version it was made from. When the
/// record changed in between, the edit is refused with 409, the record's current version and the record itself, so
/// the form can show what changed and let the person apply their edit again.
/// </summary>
public static class EditConflicts
{
    /// <summary>409: <paramref name="what"/> changed since <paramref name="sentVersion"/> was read.</summary>
    public static ProblemHttpResult Conflict(string what, string? sentVersion, string currentVersion, object current) =>
        TypedResults.Problem(
            title: "Changed by someone else",
            detail: $"{what} was changed after version {sentVersion} was read; it is now at version {currentVersion}. "
                + "Reload it, apply the change again and send the current version.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?>
            {
                ["currentVersion"] = currentVersion,
                ["current"] = current,
                ["errors"] = new Dictionary<string, string[]> { ["version"] = [$"Stale: the current version is {currentVersion}."] },
            });

    /// <summary>400: the edit did not say which version it was made from.</summary>
    public static ValidationProblem VersionMissing() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["version"] = ["Send the version of the record the edit was made from (the 'version' of the record as read)."],
        });
}
