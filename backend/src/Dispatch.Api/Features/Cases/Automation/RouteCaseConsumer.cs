using Dispatch.Api.Features.Routing;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Grids;
using Dispatch.Domain.Routing;
using Dispatch.Messaging;
using Dispatch.Persistence.Messaging;
using MassTransit;

namespace Dispatch.Api.Features.Cases.Automation;

/// <summary>
/// 派遣: sends a filed case to the department the routing rules in force when it was filed choose (category,
/// condition, grid subtree, component owner; the most specific grid wins). A case no rule covers stays to be
/// dispatched and lands in the dispatcher's manual queue with the reason, never nowhere (事事有人管).
/// </summary>
public sealed class RouteCaseConsumer(CaseStep step, CaseRouter router) : IConsumer<CaseFiled>
{
    public Task Consume(ConsumeContext<CaseFiled> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        return step.RunAsync(context, nameof(RouteCaseConsumer), message.CaseId, message.Version, async c =>
        {
            // The trace row keeps why as a code (read in the viewer's language); the event carries the engine's detail.
            string reason, detail;
            if (c.UnitGridCode is null || !GridCode.TryParse(c.UnitGridCode, out var place))
            {
                (reason, detail) = (UnroutableReasons.NoUnitGrid, "The case has no unit grid to route by.");
            }
            else
            {
                var decision = await router.RouteAsync(c.CategoryId, c.ConditionId, place, c.ComponentId, message.At, ct);
                if (decision is { Department: { } department, Rule: { } rule })
                {
                    c.Dispatch(department.Id, department.Key, new Actor("system", "system", department.Key), step.Now,
                        null, await step.ClockAsync(c, ct), rule.Id);
                    step.Db.Outbox.Add(OutboxMessage.Create(new CaseDispatched(c.Id, c.Number, c.Version, department.Key, step.Now), step.Now));
                    await step.PublishChangedAsync(c, ct);
                    return;
                }
                reason = decision.Considered.Count == 0 ? UnroutableReasons.NoRule
                    : decision.Considered.Any(x => x.Outcome == RuleOutcome.Unresolved) ? UnroutableReasons.NoDepartment
                    : UnroutableReasons.NoRuleFits;
                detail = decision.Reason ?? "No routing rule matches.";
            }
            c.MarkUnroutable(Actor.System, step.Now, reason);
            step.Db.Outbox.Add(OutboxMessage.Create(new CaseUnroutable(c.Id, c.Number, c.Version, detail, step.Now), step.Now));
            await step.PublishChangedAsync(c, ct);
        });
    }
}

public sealed class RouteCaseConsumerDefinition : ConsumerDefinition<RouteCaseConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RouteCaseConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(Retries.Default);
}
