using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// Wires MassTransit: the transport switch, quorum queues for work queues on RabbitMQ, and the outbox relay
    /// (on worker nodes). <paramref name="configureBus"/> adds endpoints the caller owns, such as the per-node
    /// board queue.
    /// </summary>
    public static IServiceCollection AddDispatchMessaging(
        this IServiceCollection services,
        IConfiguration configuration,
        bool runRelay,
        Action<IBusRegistrationConfigurator> registerConsumers,
        Action<IBusRegistrationContext, IBusFactoryConfigurator> configureBus)
    {
        services.AddOptions<MessagingOptions>()
            .Bind(configuration.GetSection(MessagingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();

        services.AddMassTransit(x =>
        {
            var prefix = string.IsNullOrEmpty(options.EntityPrefix) ? null : options.EntityPrefix;
            if (prefix is null)
                x.SetKebabCaseEndpointNameFormatter();
            else
                x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix, false));
            registerConsumers(x);
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // Work queues survive a broker restart and a node loss.
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    rabbit.SetQuorumQueue();
            });
            if (options.Transport == TransportKind.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    if (prefix is not null)
                        cfg.MessageTopology.SetEntityNameFormatter(new PrefixedEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, prefix));
                    var rabbit = options.RabbitMq;
                    cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                        h.PublisherConfirmation = true;
                    });
                    configureBus(context, cfg);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) =>
                {
                    if (prefix is not null)
                        cfg.MessageTopology.SetEntityNameFormatter(new PrefixedEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, prefix));
                    configureBus(context, cfg);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });

        if (runRelay)
        {
            services.AddHostedService<OutboxRelay>();
            services.AddHostedService<MessageRetention>();
        }
        return services;
    }
}

/// <summary>Exchange (topic) names with the deployment's prefix in front.</summary>
public sealed class PrefixedEntityNameFormatter(IEntityNameFormatter inner, string prefix) : IEntityNameFormatter
{
    public string FormatEntityName<T>() => prefix + inner.FormatEntityName<T>();
}
