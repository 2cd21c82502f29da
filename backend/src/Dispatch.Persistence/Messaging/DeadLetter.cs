namespace Dispatch.Persistence.Messaging;

/// <summary>
/// A message a consumer gave up on after its retries (a poison message): recorded from MassTransit's <c>Fault&lt;T&gt;</c>
/// so that an administrator can see it and replay it on either transport. On RabbitMQ the broker keeps its own copy
/// in the consumer's <c>_error</c> queue; this row is the one the product shows and acts on.
/// </summary>
public sealed class DeadLetter
{
    public const int MaxMessageTypeLength = 256;
    public const int MaxAddressLength = 512;
    public const int MaxExceptionTypeLength = 256;
    public const int MaxExceptionMessageLength = 2000;
    public const int MaxUserNameLength = 256;

    private DeadLetter() { }

    public DeadLetter(Guid faultId, Guid? messageId, string messageType, string body, string? sourceAddress,
        string exceptionType, string exceptionMessage, DateTimeOffset faultedAt, DateTimeOffset recordedAt)
    {
        Id = faultId;
        MessageId = messageId;
        MessageType = messageType;
        Body = body;
        SourceAddress = Truncate(sourceAddress, MaxAddressLength);
        ExceptionType = Truncate(exceptionType, MaxExceptionTypeLength)!;
        ExceptionMessage = Truncate(exceptionMessage, MaxExceptionMessageLength)!;
        FaultedAt = faultedAt;
        RecordedAt = recordedAt;
    }

    /// <summary>The id of the fault message, so that a redelivered fault is recorded once.</summary>
    public Guid Id { get; private set; }
    /// <summary>The id of the message that failed.</summary>
    public Guid? MessageId { get; private set; }
    /// <summary>Full CLR name of the contract type, as in the outbox.</summary>
    public string MessageType { get; private set; } = "";
    /// <summary>The failed message as JSON, in the outbox's format, ready to be published again.</summary>
    public string Body { get; private set; } = "";
    /// <summary>The receive endpoint whose consumer failed.</summary>
    public string? SourceAddress { get; private set; }
    public string ExceptionType { get; private set; } = "";
    public string ExceptionMessage { get; private set; } = "";
    public DateTimeOffset FaultedAt { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset? ReplayedAt { get; private set; }
    public string? ReplayedBy { get; private set; }
    /// <summary>The outbox row (and so the bus message id) that carried the replay.</summary>
    public Guid? ReplayMessageId { get; private set; }
    public DateTimeOffset? DiscardedAt { get; private set; }
    public string? DiscardedBy { get; private set; }

    public bool IsOpen => ReplayedAt is null && DiscardedAt is null;

    /// <summary>Publishes the failed message again, through the outbox, in the caller's transaction.</summary>
    public OutboxMessage Replay(string userName, DateTimeOffset at)
    {
        if (!IsOpen)
            throw new InvalidOperationException($"Dead letter {Id} was already {(ReplayedAt is null ? "discarded" : "replayed")}.");
        var message = OutboxMessage.FromJson(MessageType, Body, at);
        ReplayedAt = at;
        ReplayedBy = userName;
        ReplayMessageId = message.Id;
        return message;
    }

    /// <summary>Closes the row without replaying: the administrator decided the message is not to be handled.</summary>
    public void Discard(string userName, DateTimeOffset at)
    {
        if (!IsOpen)
            throw new InvalidOperationException($"Dead letter {Id} was already {(ReplayedAt is null ? "discarded" : "replayed")}.");
        DiscardedAt = at;
        DiscardedBy = userName;
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
