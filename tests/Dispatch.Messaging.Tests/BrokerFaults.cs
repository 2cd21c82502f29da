namespace Dispatch.Messaging.Tests;

/// <summary>
/// Tests that stop the broker or kill a worker run alone, one after the other: every other RabbitMQ test would see
/// the outage too.
/// </summary>
[CollectionDefinition("broker-faults", DisableParallelization = true)]
public sealed class BrokerFaults;
