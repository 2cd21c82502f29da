using System.Text.Json;

namespace Dispatch.Persistence.Messaging;

/// <summary>
/// A message written in the same transaction as the state change that caused it; the relay publishes it
/// after commit. Its id becomes the bus message id, which is what consumers' inboxes key on.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public Guid Id { get; private set; }
    /// <summary>Full CLR name of the contract type.</summary>
    public string MessageType { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>A message under its runtime type, so that a caller holding it as <c>object</c> publishes what it is.</summary>
    public static OutboxMessage Create<T>(T message, DateTimeOffset at) where T : class => new()
    {
        Id = Guid.CreateVersion7(at),
        MessageType = message.GetType().FullName!,
        Body = JsonSerializer.Serialize(message, message.GetType(), JsonSerializerOptions.Web),
        CreatedAt = at,
    };

    /// <summary>A message already serialized in the outbox's format (a dead letter being replayed), under a new id.</summary>
    public static OutboxMessage FromJson(string messageType, string body, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        MessageType = messageType,
        Body = body,
        CreatedAt = at,
    };
}

/// <summary>A message a consumer has already handled; a redelivery finds its row and does nothing.</summary>
public sealed class InboxMessage
{
    private InboxMessage() { }

    public InboxMessage(Guid messageId, string consumer, DateTimeOffset processedAt)
    {
        MessageId = messageId;
        Consumer = consumer;
        ProcessedAt = processedAt;
    }

    public Guid MessageId { get; private set; }
    public string Consumer { get; private set; } = "";
    public DateTimeOffset ProcessedAt { get; private set; }
}

/// <summary>
/// The first answer to a request carrying an <c>Idempotency-Key</c>. A retry with the same key and the same body
/// gets the same case back; the same key with another body is refused.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord() { }

    public IdempotencyRecord(string userName, string key, string requestHash, Guid caseId, DateTimeOffset createdAt)
    {
        UserName = userName;
        Key = key;
        RequestHash = requestHash;
        CaseId = caseId;
        CreatedAt = createdAt;
    }

    public string UserName { get; private set; } = "";
    public string Key { get; private set; } = "";
    public string RequestHash { get; private set; } = "";
    public Guid CaseId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
