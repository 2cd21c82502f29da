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
