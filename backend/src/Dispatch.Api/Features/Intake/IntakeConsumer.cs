using Dispatch.Api.Features.Cases;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Messaging;
using Dispatch.Persistence.Messaging;
using MassTransit;

namespace Dispatch.Api.Features.Intake;

/// <summary>
/// 受理 and 立案 for reports the intake policy lets through automatically: a patroller's report is accepted and
/// filed at once and goes on to dispatch. Other sources wait for an acceptor.
/// </summary>
public sealed class IntakeConsumer(CaseStep step) : IConsumer<CaseReported>
{
    public Task Consume(ConsumeContext<CaseReported> context)
    {
        var message = context.Message;
        return step.RunAsync(context, nameof(IntakeConsumer), message.CaseId, message.Version, async c =>
        {
            if (c.Source != CaseSource.Patrol)
                return;
            c.Accept(Actor.System, step.Now, "巡查上报自动受理");
            c.File(Actor.System, step.Now, "巡查上报自动立案");
            step.Db.Outbox.Add(OutboxMessage.Create(new CaseFiled(c.Id, c.Number, c.Version, step.Now), step.Now));
            await step.PublishChangedAsync(c, context.CancellationToken);
        });
    }
}

public sealed class IntakeConsumerDefinition : ConsumerDefinition<IntakeConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<IntakeConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(Retries.Default);
}
