using System.Security.Cryptography;

namespace Dispatch.Domain.Cases;

/// <summary>
/// The secret link a member of the public follows a report with (查询进度). Only the SHA-256 of the token is kept, so
/// the stored row cannot be turned back into a link; the token itself is shown once, on the receipt.
/// </summary>
public sealed class TrackingLink
{
    /// <summary>Bytes of randomness in a token: 256 bits, well above what guessing could reach.</summary>
    public const int TokenBytes = 32;

    private TrackingLink() { }

    public TrackingLink(Guid caseId, string tokenHash, DateTimeOffset createdAt)
    {
        CaseId = caseId;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
    }

    public Guid CaseId { get; private set; }
    /// <summary>Lower-case hex SHA-256 of the token's text.</summary>
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A new token: URL-safe base64 of <see cref="TokenBytes"/> random bytes (43 characters).</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether the text could be a token at all (length and alphabet), so junk never reaches the database.</summary>
    public static bool LooksLikeToken(string? text) =>
        text is { Length: 43 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
