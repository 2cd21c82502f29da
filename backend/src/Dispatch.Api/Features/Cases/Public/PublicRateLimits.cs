using System.Globalization;
using System.Threading.RateLimiting;
using Dispatch.Api.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Features.Cases.Public;

/// <summary>Marks an endpoint whose form's <c>phone</c> field is limited per number (<see cref="PublicReportOptions.ReportsPerPhone"/>).</summary>
public sealed class PerPhoneLimit;

/// <summary>
/// Abuse limits of the citizens' page, on ASP.NET Core's rate limiter: per client (the connection's IP address, which
/// the forwarded-headers middleware has already set to the real client's behind a trusted proxy) through endpoint
/// policies, and per phone number through the global limiter, which reads the form the request guard has already
/// parsed. A refused request gets 429 problem+json with <c>Retry-After</c> and stores nothing.
/// </summary>
public static class PublicRateLimits
{
    public const string ReportPolicy = "public-report";
    public const string TrackingPolicy = "public-tracking";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<PublicReportOptions>>((o, publicOptions) =>
        {
            var limits = publicOptions.Value;
            var window = TimeSpan.FromMinutes(limits.WindowMinutes);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(ReportPolicy, http => RateLimitPartition.GetFixedWindowLimiter("client:" + Client(http),
                _ => Window(limits.ReportsPerClient, window)));
            o.AddPolicy(TrackingPolicy, http => RateLimitPartition.GetFixedWindowLimiter("client:" + Client(http),
                _ => Window(limits.TrackingReadsPerClientPerMinute, TimeSpan.FromMinutes(1))));
            o.GlobalLimiter = new MarkingLimiter(PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.GetEndpoint()?.Metadata.GetMetadata<PerPhoneLimit>() is not null && Phone(http) is { } phone
                    ? RateLimitPartition.GetFixedWindowLimiter("phone:" + phone, _ => Window(limits.ReportsPerPhone, window))
                    : RateLimitPartition.GetNoLimiter("none")));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : (int)window.TotalSeconds;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var byPhone = http.Items.ContainsKey(PhoneRefusedKey);
                await EdgeProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests",
                    byPhone ? "phone" : "client",
                    byPhone
                        ? $"This phone number has sent as many reports as it may for now; try again in {seconds} seconds."
                        : $"Too many requests from this device; try again in {seconds} seconds.");
            };
        });
        return services;
    }

    private const string PhoneRefusedKey = "public-rate-limit:phone";

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The form's phone number with its spaces and dashes taken out, or null (no form yet, no phone).</summary>
    private static string? Phone(HttpContext http)
    {
        if (http.Features.Get<IFormFeature>()?.Form is not { } form)
            return null;
        var digits = new string(form["phone"].ToString().Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        return digits.Length == 0 ? null : digits;
    }

    /// <summary>The per-phone limiter, which notes on the request when it refused it, so the answer can say which limit it was.</summary>
    private sealed class MarkingLimiter(PartitionedRateLimiter<HttpContext> inner) : PartitionedRateLimiter<HttpContext>
    {
        public override RateLimiterStatistics? GetStatistics(HttpContext resource) => inner.GetStatistics(resource);

        protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
            Mark(resource, inner.AttemptAcquire(resource, permitCount));

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
            Mark(resource, await inner.AcquireAsync(resource, permitCount, cancellationToken));

        private static RateLimitLease Mark(HttpContext http, RateLimitLease lease)
        {
            if (!lease.IsAcquired)
                http.Items[PhoneRefusedKey] = true;
            return lease;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }

        protected override async ValueTask DisposeAsyncCore()
        {
            await inner.DisposeAsync();
            await base.DisposeAsyncCore();
        }
    }
}
