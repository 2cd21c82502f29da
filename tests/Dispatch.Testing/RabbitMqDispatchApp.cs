namespace Dispatch.Testing;

/// <summary>The host on the real RabbitMQ transport, against the broker named by <c>DISPATCH_TEST_RABBITMQ</c>.</summary>
public class RabbitMqDispatchApp : DispatchApp
{
    /// <summary>The test broker: amqp://user:pass@host:port/.</summary>
    public static Uri Broker => new(Environment.GetEnvironmentVariable("DISPATCH_TEST_RABBITMQ") is { Length: > 0 } uri
        ? uri
        : throw new InvalidOperationException("DISPATCH_TEST_RABBITMQ is not set: run ./dispatch test, which starts a private RabbitMQ."));

    protected override Uri? RabbitMqUri => Broker;
}
