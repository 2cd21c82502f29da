using System.Diagnostics;

namespace Dispatch.Testing;

/// <summary>
/// Stops and restarts the test broker in place (same node, same ports, same data), through the executable that
/// <c>./dispatch test</c> passes in <c>DISPATCH_RABBITMQ_CTL</c>.
/// </summary>
public static class BrokerControl
{
    public static Task StopAsync() => RunAsync("stop");

    public static Task StartAsync() => RunAsync("start");

    private static async Task RunAsync(string verb)
    {
        var ctl = Environment.GetEnvironmentVariable("DISPATCH_RABBITMQ_CTL") is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException("DISPATCH_RABBITMQ_CTL is not set: run ./dispatch test, which passes the broker's control script.");
        var start = new ProcessStartInfo(ctl, [verb]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {ctl}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{ctl} {verb}' failed ({process.ExitCode}): {await output}{await error}");
    }
}
