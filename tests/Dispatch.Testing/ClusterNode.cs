using System.Collections.Concurrent;
using Dispatch.Api.Realtime;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Testing;

/// <summary>
/// One node of a scaled-out deployment, in process: its own roles (<c>web</c>, <c>worker</c> or both) on a database
/// and a RabbitMQ prefix shared with the other nodes. Its board pushes are recorded in <see cref="Board"/>. The
/// cluster owns the database: disposing a node leaves it.
/// </summary>
public sealed class ClusterNode(string connectionString, string entityPrefix, string roles) : DispatchApp
{
    private readonly EndpointRecorder _endpoints = new();

    public RecordingBoard Board { get; } = new();

    /// <summary>The input addresses of the node's receive endpoints, as they became ready.</summary>
    public IReadOnlyCollection<Uri> ReceiveEndpoints => _endpoints.Ready.ToList();

    public override string EntityPrefix => entityPrefix;

    protected override string Roles => roles;

    protected override Uri? RabbitMqUri => RabbitMqDispatchApp.Broker;

    /// <summary>Starts the node: migrations run on every node, seeding on workers.</summary>
    public override Task InitializeAsync()
    {
        ConnectionString = connectionString;
        _ = Server;
        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            // SignalR registers hub contexts as an open generic; a closed registration of the board's wins over it.
            var open = services.Last(s => s.ServiceType == typeof(IHubContext<,>)).ImplementationType!;
            var real = open.MakeGenericType(typeof(BoardHub), typeof(IBoardClient));
            services.AddSingleton(provider => Board.Wrap((IHubContext<BoardHub, IBoardClient>)ActivatorUtilities.CreateInstance(provider, real)));
            services.AddReceiveEndpointObserver(_ => _endpoints);
        });
    }

    private sealed class EndpointRecorder : IReceiveEndpointObserver
    {
        public ConcurrentQueue<Uri> Ready { get; } = new();

        Task IReceiveEndpointObserver.Ready(ReceiveEndpointReady ready)
        {
            Ready.Enqueue(ready.InputAddress);
            return Task.CompletedTask;
        }

        public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;
        public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;
        public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
    }
}
