using System.Security.Cryptography;
using Dispatch.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Features.Cases.Photos;

/// <summary>
/// Photos stored once per content (file name = SHA-256), so a retried upload costs nothing. A file whose case never
/// committed is left behind harmlessly; it is never served, because serving goes through a case the caller may see.
/// </summary>
public sealed class PhotoStore(IOptions<DispatchOptions> options)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerReport = 5;

    private readonly string _root = Path.GetFullPath(options.Value.PhotoPath);

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public async Task SaveAsync(string sha256, byte[] bytes, CancellationToken ct)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: true);
    }

    public string PathOf(string sha256) => Path.Combine(_root, sha256[..2], sha256);

    /// <summary>The image type by its first bytes, whatever the client claimed; null when it is not an image we take.</summary>
    public static string? SniffImageType(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
            return "image/jpeg";
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return "image/png";
        if (b.Length >= 6 && (b[..6].SequenceEqual("GIF87a"u8) || b[..6].SequenceEqual("GIF89a"u8)))
            return "image/gif";
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
            return "image/webp";
        return null;
    }
}
