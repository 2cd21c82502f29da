using Microsoft.Extensions.Options;

namespace Dispatch.Api.Features.Cases.Clocks;

/// <summary>
/// The deadline sweeper of worker nodes: every <see cref="SlaOptions.SweepInterval"/> it sweeps due cases until a
/// pass comes back short. Deadlines are columns, so a restart loses nothing; several workers may sweep at once.
/// </summary>
public sealed class SlaSweeper(IServiceScopeFactory scopes, IOptions<SlaOptions> options, ILogger<SlaSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SweeperEnabled)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int claimed;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    claimed = await scope.ServiceProvider.GetRequiredService<SweepDueCases>().RunOnceAsync(stoppingToken);
                }
                while (claimed == settings.SweepBatchSize && !stoppingToken.IsCancellationRequested);
                await Task.Delay(settings.SweepInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // the sweeper must outlive database outages; the next pass retries
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Deadline sweep failed; retrying in {Interval}", settings.SweepInterval);
                try
                {
                    await Task.Delay(settings.SweepInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }
}
