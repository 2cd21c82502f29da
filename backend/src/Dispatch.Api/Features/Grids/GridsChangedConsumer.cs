using Dispatch.Contracts.Grids;
using MassTransit;

namespace Dispatch.Api.Features.Grids;

/// <summary>
/// Reloads this node's grid after an import on any node. Every node consumes from a temporary queue of its own, as
/// web nodes do for board events, so that each one hears of every import.
/// </summary>
public sealed class GridsChangedConsumer(GridDirectory directory) : IConsumer<GridsChanged>
{
    public Task Consume(ConsumeContext<GridsChanged> context) => directory.ReloadAsync(context.CancellationToken);
}
