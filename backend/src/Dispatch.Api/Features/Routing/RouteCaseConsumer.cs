using Dispatch.Api.Features.Cases;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Persistence.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Routing;

/// <summary>
/// 派遣: sends a filed case to the department its category routes to; a case no route covers stays to be
/// dispatched and lands in the dispatcher's manual queue, never nowhere (事事有人管).
/// </summary>
public sealed class RouteCaseConsumer(CaseStep step) : IConsumer<CaseFiled>
{
    public Task Consume(ConsumeContext<CaseFiled> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        return step.RunAsync(context, nameof(RouteCaseConsumer), message.CaseId, message.Version, async c =>
        {
            var route = await (
                from r in step.Db.CategoryRoutes
                join d in step.Db.Departments on r.DepartmentId equals d.Id
                where r.CategoryId == c.CategoryId
                select d).AsNoTracking().FirstOrDefaultAsync(ct);
            if (route is null)
            {
                c.MarkUnroutable(Actor.System, step.Now, "没有匹配的派遣规则，转人工派遣");
                step.Db.Outbox.Add(OutboxMessage.Create(
                    new CaseUnroutable(c.Id, c.Number, c.Version, "No routing rule covers this category.", step.Now), step.Now));
            }
            else
            {
                c.Dispatch(route.Id, new Actor("system", "system", route.Key), step.Now, $"按类别自动派遣至{route.NameZh}");
                step.Db.Outbox.Add(OutboxMessage.Create(new CaseDispatched(c.Id, c.Number, c.Version, route.Key, step.Now), step.Now));
            }
            await step.PublishChangedAsync(c, ct);
        });
    }
}

public sealed class RouteCaseConsumerDefinition : ConsumerDefinition<RouteCaseConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RouteCaseConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Exponential(8, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
}
