namespace Dispatch.Domain.Cases;

/// <summary>Who called the hotline about a case, for the callback (回访); a value over the case's caller columns.</summary>
public sealed record CaseCaller(string? Name, string? Phone)
{
    public const int MaxNameLength = 64;
    public const int MaxPhoneLength = 32;

    /// <summary>The caller a report names, checked.</summary>
    /// <exception cref="ArgumentException">A name or phone is too long.</exception>
    public static CaseCaller Of(ReportDetails? details)
    {
        if (details?.CallerName is { Length: > MaxNameLength })
            throw new ArgumentException($"A caller's name has at most {MaxNameLength} characters.", nameof(details));
        if (details?.CallerPhone is { Length: > MaxPhoneLength })
            throw new ArgumentException($"A caller's phone has at most {MaxPhoneLength} characters.", nameof(details));
        return new CaseCaller(details?.CallerName, details?.CallerPhone);
    }
}
