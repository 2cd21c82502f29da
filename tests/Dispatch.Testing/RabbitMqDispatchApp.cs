namespace Dispatch.Testing;

/// <summary>The host on the real RabbitMQ transport, against the broker named by <c>DISPATCH_TEST_RABBITMQ</c>.</summary>
public class RabbitMqDispatchApp : DispatchApp
{
    protected override Uri? RabbitMqUri => new(Environment.GetEnvironmentVariable("DISPATCH_TEST_RABBITMQ") is { Length: > 0 } uri
        ? uri
        : throw new InvalidOperationException("DISPATCH_TEST_RABBITMQ is not set: run ./dispatch test, which starts a private RabbitMQ."));
}
