using System.Security.Claims;
using System.Text.RegularExpressions;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Cases;
using Dispatch.Persistence.Identity;

namespace Dispatch.Api.Features.Cases.Report;

/// <summary>
/// Where a report comes from (docs/domain.md §7) and what comes with it. A patroller's report is a patrol report and may be
/// marked as fixed on the spot; an acceptor enters reports for others: a hotline call (the default) with the caller's
/// name and phone, the public app, a leader's assignment, video analytics or the media.
/// </summary>
public static partial class ReportSources
{
    public static readonly IReadOnlyList<CaseSource> EnteredByAcceptors =
        [CaseSource.Hotline, CaseSource.Public, CaseSource.Leader, CaseSource.Video, CaseSource.Media];

    /// <summary>Sources whose reporter may be called back (回访).</summary>
    public static readonly IReadOnlyList<CaseSource> CalledBack = [CaseSource.Hotline, CaseSource.Public];

    /// <param name="errors">Receives one message per offending field.</param>
    /// <param name="addressText">地址描述, at most <see cref="Case.MaxAddressTextLength"/> characters.</param>
    /// <param name="callbackWanted">需要回访: only for public and hotline reports, which then need the caller's phone.</param>
    public static (CaseSource Source, ReportDetails Details) Resolve(ClaimsPrincipal user, string? source, string? callerName,
        string? callerPhone, bool? selfHandled, Dictionary<string, string[]> errors, string? addressText = null, bool? callbackWanted = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(errors);
        callerName = string.IsNullOrWhiteSpace(callerName) ? null : callerName.Trim();
        callerPhone = string.IsNullOrWhiteSpace(callerPhone) ? null : callerPhone.Trim();
        var isPatroller = user.IsInRole(Roles.Patroller);
        CaseSource resolved;
        if (isPatroller)
        {
            resolved = CaseSource.Patrol;
            if (source is not null && !string.Equals(source, "patrol", StringComparison.OrdinalIgnoreCase))
                errors["source"] = ["A patroller's report is a patrol report; leave source out or send \"patrol\"."];
            if (callerName is not null || callerPhone is not null)
                errors[callerName is not null ? "callerName" : "callerPhone"] = ["Only reports an acceptor enters for a caller carry a caller."];
        }
        else
        {
            resolved = CaseSource.Hotline;
            if (source is not null && (!EnumNames.TryParse(source, out resolved) || !EnteredByAcceptors.Contains(resolved)))
                errors["source"] = [$"'{source}' is not a source an acceptor enters: use {string.Join(", ", EnteredByAcceptors.Select(s => s.ToString().ToLowerInvariant()))}."];
            if (selfHandled == true)
                errors["selfHandled"] = ["Only a patroller reports a problem as fixed on the spot."];
            // Explicitly named hotline reports need the caller for the callback (回访); the older form without a source does not.
            if (resolved == CaseSource.Hotline && source is not null)
            {
                if (callerName is null)
                    errors["callerName"] = ["A hotline report needs the caller's name."];
                if (callerPhone is null)
                    errors["callerPhone"] = ["A hotline report needs the caller's phone number."];
            }
        }

        addressText = string.IsNullOrWhiteSpace(addressText) ? null : addressText.Trim();
        if (addressText is { Length: > Case.MaxAddressTextLength })
            errors["addressText"] = [$"At most {Case.MaxAddressTextLength} characters (got {addressText.Length})."];
        if (callbackWanted == true)
        {
            if (!CalledBack.Contains(resolved))
                errors["callbackWanted"] = ["Only public and hotline reports get a callback (回访)."];
            else if (callerPhone is null)
                errors["callerPhone"] = ["A callback needs the caller's phone number."];
        }

        if (callerName is { Length: > Case.MaxCallerNameLength })
            errors["callerName"] = [$"At most {Case.MaxCallerNameLength} characters."];
        if (callerPhone is not null && !Phone().IsMatch(callerPhone))
            errors["callerPhone"] = ["A phone number is 3 to 20 digits, optionally with a leading + and spaces or dashes between them."];
        return (resolved, new ReportDetails(callerName, callerPhone, isPatroller && selfHandled == true,
            AddressText: addressText, CallbackWanted: callbackWanted == true));
    }

    /// <summary>3 to 20 digits, optionally with a leading + and spaces or dashes between them.</summary>
    public static bool IsPhoneNumber(string text) => Phone().IsMatch(text);

    [GeneratedRegex(@"^\+?[0-9](?:[ -]?[0-9]){2,19}$")]
    private static partial Regex Phone();
}
