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
            // Why, as a code the trace row keeps (readers say it in their own language).
            string reason;
            if (c.UnitGridCode is null || !GridCode.TryParse(c.UnitGridCode, out var place))
            {
                reason = UnroutableReasons.NoUnitGrid;
            }
            else
            {
                var decision = await router.RouteAsync(c.CategoryId, c.ConditionId, place, c.ComponentId, message.At, ct);
                if (decision is { Department: { } department, Rule: { } rule })
                {
                    c.Dispatch(department.Id, department.Key, new Actor("system", "system", department.Key), step.Now,
                        null, await step.ClockAsync(c, ct), rule.Id);
                    await step.PublishChangedAsync(c, ct);
                    return;
                }
                reason = decision.Considered.Count == 0 ? UnroutableReasons.NoRule
                    : decision.Considered.Any(x => x.Outcome == RuleOutcome.Unresolved) ? UnroutableReasons.NoDepartment
                    : UnroutableReasons.NoRuleFits;
            }
            c.MarkUnroutable(Actor.System, step.Now, reason);
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
