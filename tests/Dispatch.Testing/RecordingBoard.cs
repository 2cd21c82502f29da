using System.Collections.Concurrent;
using System.Reflection;
using Dispatch.Api.Realtime;
using Dispatch.Contracts.Cases;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Testing;

/// <summary>
/// What a node's board notifier pushed to its SignalR connections, recorded on the way through: the groups and the
/// case summary of every push. It shows where a node sends (which groups); <see cref="BoardClient"/>, a real SignalR
/// client, shows what a signed-in browser receives.
/// </summary>
public sealed class RecordingBoard
{
    private readonly ConcurrentQueue<(IReadOnlyList<string> Groups, CaseSummary Summary)> _pushes = new();

    public IReadOnlyList<(IReadOnlyList<string> Groups, CaseSummary Summary)> Pushes => _pushes.ToList();

    internal void Record(IReadOnlyList<string> groups, CaseSummary summary) => _pushes.Enqueue((groups, summary));

    /// <summary>Waits (polling, with a deadline) for a push that <paramref name="match"/> accepts.</summary>
    public Task<(IReadOnlyList<string> Groups, CaseSummary Summary)> WaitForAsync(
        Func<IReadOnlyList<string>, CaseSummary, bool> match, string what, TimeSpan? timeout = null) =>
        DispatchApp.EventuallyAsync(
            () => Task.FromResult(_pushes.FirstOrDefault(p => match(p.Groups, p.Summary))),
            p => p.Summary is not null,
            what, timeout);

    /// <summary>Wraps the node's hub context so that every push is recorded before it goes out.</summary>
    public IHubContext<BoardHub, IBoardClient> Wrap(IHubContext<BoardHub, IBoardClient> inner) => new HubContext(inner, this);

    private sealed class HubContext(IHubContext<BoardHub, IBoardClient> inner, RecordingBoard board) : IHubContext<BoardHub, IBoardClient>
    {
        public IHubClients<IBoardClient> Clients { get; } = new HubClients(inner.Clients, board);
        public IGroupManager Groups => inner.Groups;
    }

    private sealed class HubClients(IHubClients<IBoardClient> inner, RecordingBoard board) : IHubClients<IBoardClient>
    {
        public IBoardClient All => Recorded(inner.All, ["(all)"]);
        public IBoardClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => Recorded(inner.AllExcept(excludedConnectionIds), ["(all)"]);
        public IBoardClient Client(string connectionId) => Recorded(inner.Client(connectionId), [$"(connection {connectionId})"]);
        public IBoardClient Clients(IReadOnlyList<string> connectionIds) => Recorded(inner.Clients(connectionIds), ["(connections)"]);
        public IBoardClient Group(string groupName) => Recorded(inner.Group(groupName), [groupName]);
        public IBoardClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => Recorded(inner.GroupExcept(groupName, excludedConnectionIds), [groupName]);
        public IBoardClient Groups(IReadOnlyList<string> groupNames) => Recorded(inner.Groups(groupNames), groupNames.ToList());
        public IBoardClient User(string userId) => Recorded(inner.User(userId), [$"(user {userId})"]);
        public IBoardClient Users(IReadOnlyList<string> userIds) => Recorded(inner.Users(userIds), ["(users)"]);

        private IBoardClient Recorded(IBoardClient target, IReadOnlyList<string> groups)
        {
            var proxy = DispatchProxy.Create<IBoardClient, RecordingClient>();
            ((RecordingClient)(object)proxy).Init(target, groups, board);
            return proxy;
        }
    }

    /// <summary>Records every push that carries a case summary, whatever the method, and forwards it.</summary>
    public class RecordingClient : DispatchProxy
    {
        private IBoardClient? _target;
        private IReadOnlyList<string> _groups = [];
        private RecordingBoard? _board;

        internal void Init(IBoardClient target, IReadOnlyList<string> groups, RecordingBoard board) =>
            (_target, _groups, _board) = (target, groups, board);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            foreach (var summary in (args ?? []).OfType<CaseSummary>())
                _board!.Record(_groups, summary);
            return targetMethod.Invoke(_target, args);
        }
    }
}
