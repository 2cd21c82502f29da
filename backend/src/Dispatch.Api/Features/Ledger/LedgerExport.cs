using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Dispatch.Api.Features.Grids;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpreadCheetah;

namespace Dispatch.Api.Features.Ledger;

public enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// Writes a ledger to .xlsx or CSV row by row as the database hands rows over, so a million rows never sit in memory:
/// EF streams the query (one reader, no buffering), SpreadCheetah writes the worksheet forward only.
/// </summary>
public static class LedgerExport
{
    public static ExportFormat? ParseFormat(string? text, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Equals("xlsx", StringComparison.OrdinalIgnoreCase))
            return ExportFormat.Xlsx;
        if (text.Equals("csv", StringComparison.OrdinalIgnoreCase))
            return ExportFormat.Csv;
        errors["format"] = [$"'{text}' is not an export format; use xlsx or csv."];
        return null;
    }

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(string name, ExportFormat format, DateTimeOffset at) =>
        $"{name}-{at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}";

    /// <summary>Writes the selection's rows in its order to <paramref name="output"/>; calls <paramref name="progress"/> with the rows written so far.</summary>
    public static async Task<long> WriteAsync(Stream output, ExportFormat format, LedgerSelection selection, IReadOnlyList<LedgerColumn> columns,
        DispatchDbContext db, GridSnapshot grids, CultureInfo culture, Action<long>? progress, CancellationToken ct)
    {
        var zh = !culture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var rows = LedgerRows.ExportQuery(db, selection.Cases, selection.Sort).AsAsyncEnumerable();
        long written = 0;
        if (format == ExportFormat.Csv)
        {
            // A byte-order mark so that spreadsheet programs read the Chinese as UTF-8.
            await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
            await writer.WriteLineAsync(string.Join(',', columns.Select(c => Csv(c.Header(culture)))));
            await foreach (var stepped in rows.WithCancellation(ct))
            {
                var record = LedgerRows.ToRecord(stepped, grids, selection.Callers);
                await writer.WriteLineAsync(string.Join(',', columns.Select(c => Csv(c.Text(record, zh)))));
                if (++written % 1000 == 0)
                {
                    progress?.Invoke(written);
                    await writer.FlushAsync(ct);
                }
            }
            await writer.FlushAsync(ct);
        }
        else
        {
            await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, cancellationToken: ct);
            await spreadsheet.StartWorksheetAsync(zh ? "台账" : "Ledger", token: ct);
            var cells = new DataCell[columns.Count];
            for (var i = 0; i < columns.Count; i++)
                cells[i] = new DataCell(columns[i].Header(culture));
            await spreadsheet.AddRowAsync(cells, ct);
            await foreach (var stepped in rows.WithCancellation(ct))
            {
                var record = LedgerRows.ToRecord(stepped, grids, selection.Callers);
                for (var i = 0; i < columns.Count; i++)
                    cells[i] = new DataCell(columns[i].Text(record, zh));
                await spreadsheet.AddRowAsync(cells, ct);
                if (++written % 1000 == 0)
                    progress?.Invoke(written);
            }
            await spreadsheet.FinishAsync(ct);
        }
        progress?.Invoke(written);
        return written;
    }

    /// <summary>RFC 4180 quoting; a cell that a spreadsheet would read as a formula is prefixed with an apostrophe.</summary>
    private static string Csv(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// <c>GET /api/cases/export</c>: the filtered ledger (the same query string as the list) streamed as a download.
    /// <c>format</c> is xlsx (default) or csv; <c>columns</c> picks and orders columns (all by default).
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ValidationProblem>> Download(
        [AsParameters] LedgerParameters parameters, string? format, string? columns, HttpRequest request, ClaimsPrincipal user,
        DispatchDbContext db, GridDirectory grids, TimeProvider clock, CancellationToken ct)
    {
        _ = parameters;
        var errors = new Dictionary<string, string[]>();
        var f = ParseFormat(format, errors);
        var picked = LedgerColumns.Parse(columns, errors);
        var selection = await SearchCases.SelectAsync(request.Query, user, db, grids, errors, ct);
        if (selection is null || f is null || picked is null || errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var snapshot = await grids.GetAsync(ct);
        var culture = CultureInfo.CurrentUICulture;
        var name = culture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "ledger" : "台账";
        // The zip container writes its closing directory (a few KB) with synchronous calls; the rows go asynchronously.
        if (f == ExportFormat.Xlsx && request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body)
            body.AllowSynchronousIO = true;
        return TypedResults.Stream(stream => WriteAsync(stream, f.Value, selection, picked, db, snapshot, culture, null, ct),
            ContentType(f.Value), FileName(name, f.Value, clock.GetUtcNow()));
    }
}

/// <summary>What a background export reports: rows written of the total, and whether its file is ready.</summary>
public sealed record ExportJobDto(Guid Id, string State, long Written, long Total, string Format, string FileName, string? Error);

/// <summary>
/// Large exports run in the background on this node: the caller gets a job id at once, polls its progress and
/// downloads the file when it is ready. Files are kept an hour. Jobs live on the node that took them (their files are
/// local), so behind a load balancer the poll and download need the same node (sticky sessions) or a shared folder.
/// </summary>
public sealed class LedgerExportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<LedgerExportJobs> log) : IDisposable
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dispatch-exports", Guid.NewGuid().ToString("N"));
    private readonly CancellationTokenSource _stopping = new();

    private sealed class Job(Guid id, string owner, ExportFormat format, string fileName, string path, DateTimeOffset at)
    {
        public Guid Id { get; } = id;
        public string Owner { get; } = owner;
        public ExportFormat Format { get; } = format;
        public string FileName { get; } = fileName;
        public string Path { get; } = path;
        public DateTimeOffset At { get; } = at;
        public long Written;
        public long Total;
        public volatile string State = "running";
        public string? Error;
        public ExportJobDto ToDto() => new(Id, State, Interlocked.Read(ref Written), Interlocked.Read(ref Total),
            Format.ToString().ToLowerInvariant(), FileName, Error);
    }

    public ExportJobDto Start(ClaimsPrincipal user, IQueryCollection query, ExportFormat format, IReadOnlyList<LedgerColumn> columns,
        string name, CultureInfo culture)
    {
        Sweep();
        Directory.CreateDirectory(_folder);
        var id = Guid.CreateVersion7();
        var job = new Job(id, user.Identity?.Name ?? "", format, LedgerExport.FileName(name, format, clock.GetUtcNow()),
            Path.Combine(_folder, id.ToString("N")), clock.GetUtcNow());
        _jobs[id] = job;
        var copy = new QueryCollection(query.ToDictionary(kv => kv.Key, kv => kv.Value));
        _ = Task.Run(() => RunAsync(job, user, copy, columns, culture));
        return job.ToDto();
    }

    private async Task RunAsync(Job job, ClaimsPrincipal user, IQueryCollection query, IReadOnlyList<LedgerColumn> columns, CultureInfo culture)
    {
        var ct = _stopping.Token;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DispatchDbContext>();
            var grids = scope.ServiceProvider.GetRequiredService<GridDirectory>();
            var errors = new Dictionary<string, string[]>();
            var selection = await SearchCases.SelectAsync(query, user, db, grids, errors, ct)
                ?? throw new InvalidOperationException("The filters were checked when the export was asked for.");
            Interlocked.Exchange(ref job.Total, await selection.Cases.LongCountAsync(ct));
            await using (var file = new FileStream(job.Path + ".part", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                await LedgerExport.WriteAsync(file, job.Format, selection, columns, db, await grids.GetAsync(ct), culture,
                    n => Interlocked.Exchange(ref job.Written, n), ct);
            File.Move(job.Path + ".part", job.Path);
            job.State = "ready";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError(e, "Ledger export {Id} failed", job.Id);
            job.Error = e is OperationCanceledException ? "The server stopped before the export finished." : "The export failed; try again.";
            job.State = "failed";
        }
    }

    /// <summary>The job if it exists and belongs to <paramref name="user"/>.</summary>
    public ExportJobDto? Find(Guid id, ClaimsPrincipal user) =>
        _jobs.TryGetValue(id, out var job) && job.Owner == user.Identity?.Name ? job.ToDto() : null;

    public string? ReadyFile(Guid id, ClaimsPrincipal user) =>
        _jobs.TryGetValue(id, out var job) && job.Owner == user.Identity?.Name && job.State == "ready" ? job.Path : null;

    private void Sweep()
    {
        var cutoff = clock.GetUtcNow() - KeepFor;
        foreach (var job in _jobs.Values.Where(j => j.At < cutoff && j.State != "running"))
        {
            _jobs.TryRemove(job.Id, out _);
            try
            {
                File.Delete(job.Path);
            }
            catch (IOException)
            {
                // A download still reading it; the folder goes when the host stops.
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        try
        {
            if (Directory.Exists(_folder))
                Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Files in use by a last download; the temporary folder is the system's to clean.
        }
    }
}
