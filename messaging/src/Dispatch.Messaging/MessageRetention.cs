using Dispatch.Persistence.Postgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dispatch.Messaging;

/// <summary>
/// Keeps the outbox and inbox tables from growing without end: every <see cref="MessagingOptions.RetentionInterval"/>
/// a worker deletes published outbox rows and inbox rows older than <see cref="MessagingOptions.RetentionPeriod"/>,
/// in short batches so that it never holds many locks. Several workers may prune at once (SKIP LOCKED).
/// </summary>
public sealed class MessageRetention(OutboxStore store, TimeProvider clock, IOptions<MessagingOptions> options, ILogger<MessageRetention> logger)
    : BackgroundService
{
    private const int BatchSize = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var before = clock.GetUtcNow() - settings.RetentionPeriod;
                int outbox, inbox;
                do
                {
                    (outbox, inbox) = await store.PruneAsync(before, BatchSize, stoppingToken);
                    if (outbox + inbox > 0)
                        logger.LogInformation("Pruned {Outbox} outbox and {Inbox} inbox rows older than {Before}", outbox, inbox, before);
                }
                while ((outbox == BatchSize || inbox == BatchSize) && !stoppingToken.IsCancellationRequested);
                await Task.Delay(settings.RetentionInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // pruning can wait for the next round; it must not stop the worker
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Pruning the outbox and inbox failed; retrying in {Interval}", settings.RetentionInterval);
                try
                {
                    await Task.Delay(settings.RetentionInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }
}
