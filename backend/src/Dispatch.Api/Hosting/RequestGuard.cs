using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Dispatch.Api.Hosting;

/// <summary>
/// The edge every request passes before its endpoint runs: text in the path and the query string is checked
/// (<see cref="TextRules"/>), the body gets its one size limit however it arrives (with a length, chunked, as JSON or
/// as a form), and a form is read here, once, so that a malformed one is a 400 naming the body and a refused field a
/// 400 naming the field. Handlers then read the already parsed form.
/// </summary>
internal sealed class RequestGuard(RequestDelegate next)
{
    /// <summary>A body's limit unless its endpoint declares another (<see cref="IRequestSizeLimitMetadata"/>).</summary>
    public const long DefaultMaxBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (TextRules.FirstRefused(request.Path.Value) is var at and >= 0)
        {
            await EdgeProblems.WriteAsync(http, StatusCodes.Status400BadRequest, "Bad request", "path", TextRules.Refusal(request.Path.Value, at));
            return;
        }
        foreach (var (key, values) in request.Query)
        {
            var field = TextRules.IsAcceptable(key) ? key : "query";
            foreach (var text in values.Prepend(key))
            {
                if (text is not null && TextRules.FirstRefused(text) is var i and >= 0)
                {
                    await EdgeProblems.WriteAsync(http, StatusCodes.Status400BadRequest, "Bad request", field, TextRules.Refusal(text, i));
                    return;
                }
            }
        }

        // Bodies are UTF-8 (or its ASCII subset): a reader asked for another charset would fail deep inside a handler.
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && mediaType.Charset.HasValue && !IsUtf8(mediaType.Charset.Value))
        {
            await EdgeProblems.WriteAsync(http, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Content-Type",
                $"Bodies are UTF-8; the charset '{mediaType.Charset.Value}' is not accepted.");
            return;
        }

        var endpoint = http.GetEndpoint();
        if (!http.WebSockets.IsWebSocketRequest)
        {
            var limit = LimitFor(request, endpoint);
            if (request.ContentLength > limit)
            {
                await EdgeProblems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "Request body too large", "body",
                    $"This request's body is at most {Describe(limit)}.");
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit;
            // Servers without that feature (and bodies the feature would not see) are held to the limit by the stream.
            request.Body = new LimitedReadStream(request.Body, limit, Describe(limit));
        }

        if (endpoint is not null && request.HasFormContentType && request.Path.StartsWithSegments("/api"))
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is not BadHttpRequestException
                                      && e is InvalidDataException or IOException or FormatException or InvalidOperationException or NullReferenceException)
            {
                await EdgeProblems.WriteAsync(http, StatusCodes.Status400BadRequest, "Malformed form", "body",
                    $"The body is not a readable {request.ContentType?.Split(';')[0]} form: {e.Message}");
                return;
            }
            if (FormProblem(form) is { } problem)
            {
                await EdgeProblems.WriteAsync(http, StatusCodes.Status400BadRequest, "Bad request", problem.Field, problem.Message);
                return;
            }
        }
        await next(http);
    }

    /// <summary>
    /// The endpoint's declared limit, or <see cref="DefaultMaxBytes"/>. Endpoints that take photos as form parts take
    /// their JSON form at the default size: photos never travel inside JSON.
    /// </summary>
    private static long LimitFor(HttpRequest request, Endpoint? endpoint)
    {
        if (endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is not { } declared)
            return DefaultMaxBytes;
        var takesForms = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
            .Any(a => a.ContentTypes.Contains("multipart/form-data", StringComparer.OrdinalIgnoreCase));
        return takesForms && !request.HasFormContentType ? Math.Min(declared, DefaultMaxBytes) : declared;
    }

    private static (string Field, string Message)? FormProblem(IFormCollection form)
    {
        foreach (var (key, values) in form)
        {
            if (TextRules.FirstRefused(key) is var k and >= 0)
                return ("body", $"A field name: {TextRules.Refusal(key, k)}");
            foreach (var text in values)
            {
                if (text is not null && TextRules.FirstRefused(text) is var i and >= 0)
                    return (key, TextRules.Refusal(text, i));
            }
        }
        foreach (var file in form.Files)
        {
            if (TextRules.FirstRefused(file.Name) is var n and >= 0)
                return ("body", $"A part name: {TextRules.Refusal(file.Name, n)}");
            if (TextRules.FirstRefused(file.FileName) is var f and >= 0)
                return (file.Name, $"The file name: {TextRules.Refusal(file.FileName, f)}");
        }
        return null;
    }

    private static bool IsUtf8(string? charset) =>
        charset is not null && (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase));

    private static string Describe(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024 * 1024)} MB"
        : $"{bytes / 1024} KB";
}

/// <summary>A request body that refuses to be read past its limit, as Kestrel does, with a 413.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit, string described) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
            throw new BadHttpRequestException($"The request body is larger than {described}.", StatusCodes.Status413PayloadTooLarge);
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
