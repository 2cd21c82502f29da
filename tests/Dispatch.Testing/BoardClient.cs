using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dispatch.Testing;

/// <summary>
/// A real SignalR client on the in-process host's board hub, signed in with the cookie a browser would hold. It joins
/// groups as <c>frontend/src/lib/realtime.ts</c> does and keeps every <c>caseChanged</c> push as the JSON that went over
/// the wire. <see cref="RecordingBoard"/> records what a node sends to which groups; this is what a client receives.
/// </summary>
public sealed class BoardClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<JsonElement> _pushes = new();

    private BoardClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<JsonElement>(nameof(IBoardClient.CaseChanged), push => _pushes.Enqueue(push.Clone()));
    }

    public IReadOnlyList<JsonElement> Pushes => _pushes.ToList();

    /// <summary>
    /// Signs <paramref name="userName"/> in (none when null) and starts a connection over <paramref name="transport"/>;
    /// both the HTTP requests and the WebSocket go through the test server, with the sign-in cookie.
    /// </summary>
    public static async Task<BoardClient> ConnectAsync(DispatchApp app, string? userName, HttpTransportType transport)
    {
        var server = app.Server;
        var cookies = new CookieContainer();
        if (userName is not null)
        {
            using var http = new HttpClient(new CookieContainerHandler(cookies) { InnerHandler = server.CreateHandler() })
            { BaseAddress = server.BaseAddress };
            var login = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = DispatchApp.Password });
            login.EnsureSuccessStatusCode();
        }

        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, BoardHub.Path), transport, options =>
            {
                options.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = server.CreateHandler() };
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var sockets = server.CreateWebSocketClient();
                    sockets.ConfigureRequest = request =>
                    {
                        var cookie = cookies.GetCookieHeader(server.BaseAddress);
                        if (cookie.Length > 0)
                            request.Headers.Cookie = cookie;
                    };
                    return await sockets.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .Build();
        var client = new BoardClient(connection);
        try
        {
            await connection.StartAsync();
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return client;
    }

    public Task JoinCommandCentreAsync() => _connection.InvokeAsync(nameof(BoardHub.JoinCommandCentre));

    public Task JoinDepartmentAsync(string departmentKey) => _connection.InvokeAsync(nameof(BoardHub.JoinDepartment), departmentKey);

    /// <summary>Waits (polling, with a deadline) for a push that <paramref name="match"/> accepts.</summary>
    public Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, string what, TimeSpan? timeout = null) =>
        DispatchApp.EventuallyAsync(
            () => Task.FromResult(_pushes.FirstOrDefault(match)),
            push => push.ValueKind == JsonValueKind.Object,
            what, timeout);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
