using System.Text.Json;
using Dispatch.Contracts.Cases;
using Dispatch.Messaging;
using Dispatch.Persistence;
using Dispatch.Persistence.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Features.DeadLetters;

/// <summary>
/// Records every message a consumer gave up on (MassTransit publishes a <c>Fault&lt;T&gt;</c> once the retries are
/// spent and moves the message to the consumer's <c>_error</c> queue) as a dead letter an administrator can see and
/// replay. Works the same on the in-memory transport and on RabbitMQ.
/// </summary>
public sealed class RecordFaultConsumer<T>(DispatchDbContext db, TimeProvider clock, ILogger<RecordFaultConsumer<T>> log)
    : IConsumer<Fault<T>> where T : class
{
    public async Task Consume(ConsumeContext<Fault<T>> context)
    {
        var fault = context.Message;
        var faultId = context.MessageId ?? fault.FaultId;
        var ct = context.CancellationToken;
        if (await db.DeadLetters.AnyAsync(d => d.Id == faultId, ct))
            return;
        var exception = fault.Exceptions?.FirstOrDefault();
        db.DeadLetters.Add(new DeadLetter(
            faultId,
            fault.FaultedMessageId,
            typeof(T).FullName!,
            JsonSerializer.Serialize(fault.Message, JsonSerializerOptions.Web),
            context.SourceAddress?.ToString(),
            exception?.ExceptionType ?? "unknown",
            exception?.Message ?? "",
            fault.Timestamp == default ? clock.GetUtcNow() : new DateTimeOffset(DateTime.SpecifyKind(fault.Timestamp, DateTimeKind.Utc)),
            clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another delivery of the same fault committed first.
            return;
        }
        log.LogWarning("Message {MessageId} ({Type}) was given up on and recorded as dead letter {FaultId}: {Error}",
            fault.FaultedMessageId, typeof(T).Name, faultId, exception?.Message);
    }
}

/// <summary>All fault recorders share one durable endpoint, under the deployment's prefix.</summary>
public sealed class RecordFaultConsumerDefinition<T> : ConsumerDefinition<RecordFaultConsumer<T>> where T : class
{
    public const string Queue = "dead-letters";

    public RecordFaultConsumerDefinition(IOptions<MessagingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        EndpointName = options.Value.QueueName(Queue);
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecordFaultConsumer<T>> consumerConfigurator, IRegistrationContext context) =>
        // On the consumer, not the shared endpoint: one retry policy per recorder, never one nested in another.
        consumerConfigurator.UseMessageRetry(Retries.Default);
}

public static class DeadLetterRegistration
{
    /// <summary>The message types of the contracts assembly: every one a consumer may fail on.</summary>
    public static IReadOnlyList<Type> ContractTypes { get; } = typeof(CaseReported).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsPublic: true, IsAbstract: false, Namespace: not null } && t != typeof(CaseSummary))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Registers a fault recorder for every contract type (worker nodes).</summary>
    public static void AddDeadLetterRecorders(this IBusRegistrationConfigurator x)
    {
        foreach (var type in ContractTypes)
            x.AddConsumer(typeof(RecordFaultConsumer<>).MakeGenericType(type), typeof(RecordFaultConsumerDefinition<>).MakeGenericType(type));
    }
}
