using Dispatch.Contracts.Cases;
using Dispatch.Persistence.Postgres;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using System.Text.Json;

namespace Dispatch.Messaging;

/// <summary>
/// Publishes outbox rows to the bus after their transaction committed. Woken by LISTEN/NOTIFY, with a polling
/// fallback; claims rows with SKIP LOCKED so several relays (one per worker) share the work. Delivery is at least
/// once: a crash between publish and mark re-publishes, and consumers' inboxes absorb the repeat.
/// </summary>
public sealed class OutboxRelay(
    OutboxStore store,
    IBus bus,
    IBusControl busControl,
    IOptions<MessagingOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly Dictionary<string, Type> ContractTypes = typeof(CaseReported).Assembly
        .GetTypes()
        .Where(t => t is { IsClass: true, IsPublic: true, Namespace: not null })
        .ToDictionary(t => t.FullName!, t => t);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var failures = 0;
        NpgsqlConnection? listener = null;
        // Publish nothing before this node's receive endpoints are up: on a fresh broker their queues and bindings do
        // not exist yet, and an exchange without bindings drops what it is given (publisher confirms still say yes).
        // Every worker consumes the same work queues, so a worker's own readiness means they are all declared.
        try
        {
            await busControl.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    listener ??= await store.ListenAsync(stoppingToken);
                    int published;
                    do
                    {
                        published = await store.RelayBatchAsync(PublishAsync, settings.OutboxBatchSize, stoppingToken);
                    }
                    while (published == settings.OutboxBatchSize);
                    failures = 0;
                    await listener.WaitAsync(settings.OutboxPollInterval, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
#pragma warning disable CA1031 // the relay must outlive broker and database outages
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures++;
                    var backoff = TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, Math.Min(failures, 6))));
                    logger.LogWarning(e, "Outbox relay failed ({Failures} in a row); retrying in {Backoff}", failures, backoff);
                    if (listener is not null)
                    {
                        await listener.DisposeAsync();
                        listener = null;
                    }
                    await Task.Delay(backoff, stoppingToken);
                }
            }
        }
        finally
        {
            if (listener is not null)
                await listener.DisposeAsync();
        }
    }

    private async Task PublishAsync(OutboxEnvelope envelope, CancellationToken ct)
    {
        if (!ContractTypes.TryGetValue(envelope.MessageType, out var type))
            throw new InvalidOperationException($"Outbox row {envelope.Id} names unknown message type {envelope.MessageType}.");
        var message = JsonSerializer.Deserialize(envelope.Body, type, JsonSerializerOptions.Web)!;
        // A broker that is down must not hold the batch's row locks forever.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        await bus.Publish(message, type, context => context.MessageId = envelope.Id, timeout.Token);
    }
}
