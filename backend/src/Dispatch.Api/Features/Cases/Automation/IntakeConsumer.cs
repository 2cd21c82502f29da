using Dispatch.Api.Features.Cases.Report;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Messaging;
using Dispatch.Persistence.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases.Automation;

/// <summary>
/// 受理 and 立案 for reports the intake policy lets through automatically (by source and category; the demo default
/// accepts and files a patroller's report at once, so it goes straight on to dispatch). Others wait for an acceptor.
/// </summary>
public sealed class IntakeConsumer(CaseStep step, IntakePolicy policy) : IConsumer<CaseReported>
{
    public Task Consume(ConsumeContext<CaseReported> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        return step.RunAsync(context, nameof(IntakeConsumer), message.CaseId, message.Version, async c =>
        {
            var category = await step.Db.Categories.AsNoTracking().SingleAsync(x => x.Id == c.CategoryId, ct);
            var decision = policy.For(c.Source, category, c.SelfHandled);
            if (!decision.AutoAccept)
                return;
            var clock = await step.ClockAsync(c, ct);
            c.Accept(Actor.System, step.Now, null, clock);
            if (decision.AutoFile)
            {
                c.File(Actor.System, step.Now, null, clock);
            }
            await step.PublishChangedAsync(c, ct);
        });
    }
}

public sealed class IntakeConsumerDefinition : ConsumerDefinition<IntakeConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<IntakeConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(Retries.Default);
}
