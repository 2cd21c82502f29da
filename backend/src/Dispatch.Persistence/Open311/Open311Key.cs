namespace Dispatch.Persistence.Open311;

/// <summary>
/// An api_key an administrator issued to one outside system for Open311 GeoReport v2 (POST requests). Only the key's
/// SHA-256 is stored; the key itself is shown once, when it is issued. A revoked key stays listed for the audit trail.
/// </summary>
public sealed class Open311Key
{
    public const int MaxNameLength = 100;
    /// <summary>How many leading characters of a key are kept in clear, so an administrator can tell keys apart.</summary>
    public const int PrefixLength = 8;

    private Open311Key() { }

    public Open311Key(Guid id, string name, string keyHash, string prefix, string issuedBy, DateTimeOffset issuedAt)
    {
        Id = id;
        Name = name;
        KeyHash = keyHash;
        Prefix = prefix;
        IssuedBy = issuedBy;
        IssuedAt = issuedAt;
    }

    public Guid Id { get; private set; }
    /// <summary>Who the key is for (the client system), shown in the admin list and written as the reporter of its cases.</summary>
    public string Name { get; private set; } = "";
    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public string KeyHash { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public string IssuedBy { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public void Revoke(string by, DateTimeOffset at)
    {
        RevokedAt ??= at;
        RevokedBy ??= by;
    }

    public void MarkUsed(DateTimeOffset at) => LastUsedAt = at;
}
