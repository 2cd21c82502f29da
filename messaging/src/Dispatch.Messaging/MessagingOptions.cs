using System.ComponentModel.DataAnnotations;

namespace Dispatch.Messaging;

public enum TransportKind
{
    /// <summary>One process only, not durable: the embedded default for a single node.</summary>
    InMemory,
    RabbitMq,
}

public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    public TransportKind Transport { get; set; } = TransportKind.InMemory;
    public RabbitMqOptions RabbitMq { get; set; } = new();
    /// <summary>How many outbox rows a relay publishes per transaction.</summary>
    [Range(1, 10_000)]
    public int OutboxBatchSize { get; set; } = 200;
    /// <summary>Polling fallback when no notification arrives (a lost LISTEN connection, say).</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// How long published outbox rows and inbox rows are kept. The inbox must outlive any redelivery of a message it
    /// recorded (a relay crash between publish and mark, a broker redelivering after a consumer died), which takes
    /// seconds to minutes; a week also leaves the rows for an investigation.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(7);
    /// <summary>How often a worker deletes what is older than <see cref="RetentionPeriod"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Put in front of every queue and exchange name, so that several deployments (a staging beside production,
    /// or test runs) can share one broker without consuming each other's messages. Empty: no prefix.
    /// </summary>
    [RegularExpression("^[a-z0-9][a-z0-9.-]{0,39}$")]
    public string? EntityPrefix { get; set; }

    /// <summary>The name of a queue this deployment names itself (rather than after a consumer), with its prefix.</summary>
    public string QueueName(string name) => string.IsNullOrEmpty(EntityPrefix) ? name : $"{EntityPrefix}-{name}";
}

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "127.0.0.1";
    [Range(1, 65535)]
    public int Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
}
