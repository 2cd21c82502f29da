using Dispatch.Domain.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace Dispatch.Api.Features.Cases.Photos;

/// <summary>A photo read from a multipart request, checked by size and by content, not yet stored.</summary>
public sealed record UploadedPhoto(string Sha256, string ContentType, byte[] Bytes)
{
    public PhotoFile ToFile() => new(Sha256, ContentType, Bytes.LongLength);
}

/// <summary>
/// Reading the multipart forms that reports and case actions accept: typed fields that name themselves when they
/// do not parse, and <c>photos</c> parts refused by size (413) or by content (415) before anything is stored.
/// </summary>
public static class MultipartForm
{
    public delegate bool TryParse<T>(string text, out T value);

    /// <summary>The field's value, null when absent; a value that does not parse is recorded in <paramref name="errors"/>.</summary>
    public static T? Parse<T>(IFormCollection form, string field, TryParse<T> parse, Dictionary<string, string[]> errors)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(errors);
        var text = form[field].ToString();
        if (text.Length == 0)
            return null;
        if (parse(text, out var value))
            return value;
        errors[field] = [$"'{text}' is not a valid {typeof(T).Name}."];
        return null;
    }

    public static string? Text(IFormCollection form, string field)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.TryGetValue(field, out StringValues value) && value.Count > 0 ? value.ToString() : null;
    }

    /// <summary>
    /// The <c>photos</c> parts of <paramref name="form"/>. A <c>photos</c> part without a file name is read by the
    /// framework as a text field; it is refused here, never silently dropped.
    /// </summary>
    public static async Task<(IReadOnlyList<UploadedPhoto> Photos, ProblemHttpResult? Problem)> ReadPhotosAsync(
        IFormCollection form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.ContainsKey("photos"))
            return ([], PhotoProblem(StatusCodes.Status400BadRequest, "photos",
                "A photos part needs a file name (Content-Disposition: form-data; name=\"photos\"; filename=\"...\")."));
        var files = form.Files;
        var parts = files.GetFiles("photos");
        if (files.Count != parts.Count)
            return ([], PhotoProblem(StatusCodes.Status400BadRequest, "photos", "File parts must be named 'photos'."));
        if (parts.Count > PhotoStore.MaxPerReport)
            return ([], PhotoProblem(StatusCodes.Status400BadRequest, "photos", $"At most {PhotoStore.MaxPerReport} photos at a time."));
        var photos = new List<UploadedPhoto>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var field = $"photos[{i}]";
            if (part.Length > PhotoStore.MaxBytes)
                return ([], PhotoProblem(StatusCodes.Status413PayloadTooLarge, field,
                    $"'{part.FileName}' is {part.Length / 1024 / 1024.0:0.0} MB; a photo may be at most 10 MB."));
            if (part.Length == 0)
                return ([], PhotoProblem(StatusCodes.Status400BadRequest, field, $"'{part.FileName}' is empty."));
            using var buffer = new MemoryStream((int)part.Length);
            await part.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            var type = PhotoStore.SniffImageType(bytes);
            if (type is null)
                return ([], PhotoProblem(StatusCodes.Status415UnsupportedMediaType, field,
                    $"'{part.FileName}' is not a JPEG, PNG, WebP or GIF image by its content."));
            photos.Add(new UploadedPhoto(PhotoStore.Hash(bytes), type, bytes));
        }
        return (photos, null);
    }

    private static ProblemHttpResult PhotoProblem(int status, string field, string message) =>
        TypedResults.Problem(title: "Photo refused", detail: message, statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
}
