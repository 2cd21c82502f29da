using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Dispatch.Testing;

/// <summary>
/// A worker node as a real child process: the built Dispatch.Api run by <c>dotnet</c> with <c>Dispatch:Roles=worker</c>
/// on the test broker (under the cluster's prefix) and the cluster's database, so that a test can kill it with
/// SIGKILL mid-stream and start another. Its console output is kept for failure messages.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WorkerProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the worker wrote.</summary>
    public string RecentOutput => string.Join('\n', _output.TakeLast(60));

    public static WorkerProcess Start(string connectionString, string entityPrefix, string photoPath)
    {
        var broker = RabbitMqDispatchApp.Broker;
        var user = broker.UserInfo.Split(':');
        // The test's output folder holds the API with its dependencies, seed data and settings.
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Dispatch.Api.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ConnectionStrings__Dispatch"] = connectionString;
        env["Dispatch__Roles"] = "worker";
        env["Dispatch__PhotoPath"] = photoPath;
        env["Demo__Enabled"] = "true";
        env["Demo__Password"] = DispatchApp.Password;
        env["Frontend__Path"] = "";
        env["Messaging__Transport"] = "RabbitMq";
        env["Messaging__RabbitMq__Host"] = broker.Host;
        env["Messaging__RabbitMq__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture);
        env["Messaging__RabbitMq__Username"] = Uri.UnescapeDataString(user[0]);
        env["Messaging__RabbitMq__Password"] = Uri.UnescapeDataString(user[1]);
        env["Messaging__EntityPrefix"] = entityPrefix;
        env["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the worker process.");
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no acknowledgements — what a crash or an OOM kill does.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > 200)
            _output.TryDequeue(out _);
    }
}
