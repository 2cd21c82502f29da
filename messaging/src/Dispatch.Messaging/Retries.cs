using MassTransit;

namespace Dispatch.Messaging;

/// <summary>
/// A message that can never succeed, however often it is retried (it names a case that does not exist, say). The
/// retry policy lets it through at once, so it reaches the error queue and the dead letters without delay.
/// </summary>
public sealed class PoisonMessageException(string message) : Exception(message);

public static class Retries
{
    /// <summary>
    /// The retry policy of the work consumers: exponential backoff from 50 ms up to 10 s over eight attempts (about
    /// half a minute, which rides out a database failover or a lock), then the message goes to the error queue,
    /// and from there to the dead letters an administrator replays.
    /// </summary>
    public static void Default(IRetryConfigurator r)
    {
        ArgumentNullException.ThrowIfNull(r);
        r.Exponential(8, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));
        r.Ignore<PoisonMessageException>();
    }
}
