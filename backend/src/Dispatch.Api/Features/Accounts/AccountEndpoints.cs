using Dispatch.Api.Audit;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Dispatch.Api.Features.Accounts;

/// <summary>
/// Accounts as an administrator keeps them: list, create, edit, disable and enable, reset a password, scope a
/// command-centre account to a grid subtree. Every change writes one audit row (subject "account", key the user
/// name) in the change's own transaction. Changes reach the account's open sessions at the next cookie check
/// (see <c>AuthSetup</c>); a reset or disabling ends them at once.
/// </summary>
public static class AccountEndpoints
{
    public const string SubjectType = "account";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/users").WithTags("Accounts").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin });
        admin.MapGet("/", ListAccounts.Handle).WithSummary("Accounts, filtered and paged, by user name");
        admin.MapPost("/", CreateAccount.Handle).Audited("account.create").WithSummary("Creates an account; its person sets a new password at the first sign-in");
        admin.MapPut("/{userName}", EditAccount.Handle).Audited("account.edit").WithSummary("Edits an account's name, roles, department, grid scope and phone");
        admin.MapPut("/{userName}/grid-scope", SetGridScope.Handle).Audited("account.grid-scope").WithSummary("Scopes a command-centre account to a grid subtree, or makes a patroller a street's supervisor");
        admin.MapPut("/{userName}/password", ResetPassword.Handle).Audited("account.password-reset").WithSummary("Sets a temporary password the person must replace");
        admin.MapPut("/{userName}/disabled", SetAccountDisabled.Handle).Audited("account.disabled").WithSummary("Disables an account, or enables it (which also lifts a lockout)");
        return app;
    }
}
