namespace Dispatch.Api.Hosting;

/// <summary>Which pages may call the API, and what the pages may load besides the product's own files.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Origins (<c>https://dispatch.example.gov.cn</c>) whose pages may send state-changing requests and open the hub.
    /// Empty: the request's own scheme and host only, which is right when the browser talks to this host directly;
    /// behind a reverse proxy that changes the host or ends TLS, list the public origin here.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Marks the sign-in cookie Secure, so it never travels over plain HTTP. On in the deploy configuration, where
    /// TLS ends at the proxy in front of the nodes; off for <c>./dispatch run</c> on http://127.0.0.1.
    /// </summary>
    public bool SecureCookies { get; set; }

    /// <summary>Extra image sources for the pages' Content-Security-Policy, such as a map tile server (<c>https://tile.openstreetmap.org</c>).</summary>
    public string[] ImageSources { get; set; } = [];

    /// <summary>Origins are scheme://host[:port] with nothing after; image sources the same, or a scheme such as <c>https:</c>.</summary>
    public static bool Validate(SecurityOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return o.AllowedOrigins.All(IsOrigin) && o.ImageSources.All(s => IsOrigin(s) || s is "https:" || IsWildcardOrigin(s));
    }

    private static bool IsOrigin(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), text.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        && !text.Contains(' ', StringComparison.Ordinal) && !text.Contains(';', StringComparison.Ordinal);

    /// <summary><c>https://*.example.com</c>, as CSP allows for tile servers with numbered subdomains.</summary>
    private static bool IsWildcardOrigin(string text) =>
        text.StartsWith("https://*.", StringComparison.Ordinal) && IsOrigin("https://" + text["https://*.".Length..]);
}
