using System.ComponentModel.DataAnnotations;

namespace Dispatch.Api.Features.Open311;

/// <summary>What the Open311 GeoReport v2 interface says about this installation (section <c>Open311</c>).</summary>
public sealed class Open311Options
{
    public const string SectionName = "Open311";

    /// <summary>
    /// The one jurisdiction this server serves. A request may leave <c>jurisdiction_id</c> out (the specification asks
    /// for it only where an endpoint serves several); a request naming another one gets 404.
    /// </summary>
    [Required, MinLength(1)]
    public string JurisdictionId { get; set; } = "dispatch.local";

    /// <summary>The discovery document's <c>contact</c>.</summary>
    [Required, MinLength(1)]
    public string Contact { get; set; } = "数字化城市管理指挥中心 · 系统管理员";

    /// <summary>The discovery document's <c>key_service</c>: how a client gets an api_key.</summary>
    [Required, MinLength(1)]
    public string KeyService { get; set; } = "api_key 由系统管理员在管理页「开放接口 / Open311」签发。";

    /// <summary>
    /// When the discovery document or the service list last changed in a way clients should notice (the discovery
    /// document's <c>changeset</c>, a W3C date-time).
    /// </summary>
    public DateTimeOffset Changeset { get; set; } = new(2026, 12, 6, 0, 0, 0, TimeSpan.FromHours(8));
}
