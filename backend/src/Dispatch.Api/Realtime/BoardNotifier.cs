using Dispatch.Contracts.Cases;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Api.Realtime;

/// <summary>
/// Turns case events into SignalR pushes. Each web node consumes from its own temporary queue, so every node pushes
/// to its own connections; that is how boards scale out without a backplane. A repeated push is harmless: clients
/// ignore versions they already hold.
/// </summary>
public sealed class BoardNotifier(IHubContext<BoardHub, IBoardClient> hub) : IConsumer<CaseChanged>
{
    public async Task Consume(ConsumeContext<CaseChanged> context)
    {
        var summary = context.Message.Summary;
        var departments = new HashSet<string>(StringComparer.Ordinal);
        if (summary.DepartmentKey is not null)
            departments.Add(summary.DepartmentKey);
        // A returned case left its department: that board must drop the row it holds.
        if (context.Message.FormerDepartmentKey is { } former)
            departments.Add(former);
        // Assisting departments (协办) watch the case on their boards beside the lead.
        foreach (var assisting in context.Message.AssistingDepartmentKeys ?? [])
            departments.Add(assisting);
        await hub.Clients.Groups(BoardGroups.For(summary.GridCode, departments)).CaseChanged(summary);
    }
}
