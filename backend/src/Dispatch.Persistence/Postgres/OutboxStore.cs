using Npgsql;

namespace Dispatch.Persistence.Postgres;

/// <summary>An outbox row claimed for publishing.</summary>
public sealed record OutboxEnvelope(Guid Id, string MessageType, string Body);

/// <summary>
/// Claims unsent outbox rows with <c>FOR UPDATE SKIP LOCKED</c> (so several relays can run side by side), hands them
/// to a publisher and marks what was published, all in one short transaction. Rows are woken by the
/// <c>dispatch_outbox</c> notification that an insert trigger raises on commit.
/// </summary>
public sealed class OutboxStore(string connectionString) : IAsyncDisposable
{
    public const string Channel = "dispatch_outbox";

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <summary>Publishes up to <paramref name="batchSize"/> rows; returns how many were published.</summary>
    public async Task<int> RelayBatchAsync(Func<OutboxEnvelope, CancellationToken, Task> publish, int batchSize, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var batch = new List<OutboxEnvelope>(batchSize);
        await using (var select = new NpgsqlCommand(
            "SELECT id, message_type, body FROM outbox_messages WHERE sent_at IS NULL " +
            "ORDER BY created_at LIMIT @n FOR UPDATE SKIP LOCKED", connection, tx))
        {
            select.Parameters.AddWithValue("n", batchSize);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                batch.Add(new OutboxEnvelope(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        }
        if (batch.Count == 0)
            return 0;

        // The whole batch is published at once, then awaited: each publish waits for the broker's confirm, and the
        // broker confirms (and for quorum queues syncs to disk) the messages in flight together, whereas one at a
        // time pays a disk sync per message. Rows whose publish failed stay unsent for the next round.
        var outcomes = await Task.WhenAll(batch.Select(async envelope =>
        {
            try
            {
                await publish(envelope, ct);
                return (envelope.Id, Error: (Exception?)null);
            }
#pragma warning disable CA1031 // the failure is recorded on the row and rethrown after the commit
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                return (envelope.Id, Error: e);
            }
        }));
        var published = outcomes.Where(o => o.Error is null).Select(o => o.Id).ToList();
        Exception? failure = null;
        foreach (var (id, error) in outcomes)
        {
            if (error is null)
                continue;
            failure ??= error;
            await using var note = new NpgsqlCommand(
                "UPDATE outbox_messages SET attempts = attempts + 1, last_error = left(@error, 2000) WHERE id = @id", connection, tx);
            note.Parameters.AddWithValue("id", id);
            note.Parameters.AddWithValue("error", error.Message);
            await note.ExecuteNonQueryAsync(ct);
        }
        if (published.Count > 0)
        {
            await using var mark = new NpgsqlCommand(
                "UPDATE outbox_messages SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY(@ids)", connection, tx);
            mark.Parameters.AddWithValue("ids", published.ToArray());
            await mark.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        if (failure is not null)
            throw new OutboxPublishException(published.Count, failure);
        return published.Count;
    }

    /// <summary>Rows not yet published: a gauge for health and benchmarks.</summary>
    public async Task<long> CountUnsentAsync(CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Deletes up to <paramref name="batchSize"/> outbox rows published before <paramref name="before"/> and as many inbox
    /// rows recorded before it; unpublished rows are never touched. Returns how many of each went.
    /// </summary>
    public async Task<(int Outbox, int Inbox)> PruneAsync(DateTimeOffset before, int batchSize, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var outbox = new NpgsqlCommand(
            "DELETE FROM outbox_messages WHERE id IN " +
            "(SELECT id FROM outbox_messages WHERE sent_at < @before LIMIT @n FOR UPDATE SKIP LOCKED)", connection);
        outbox.Parameters.AddWithValue("before", before);
        outbox.Parameters.AddWithValue("n", batchSize);
        var outboxRows = await outbox.ExecuteNonQueryAsync(ct);
        await using var inbox = new NpgsqlCommand(
            "DELETE FROM inbox_messages WHERE (message_id, consumer) IN " +
            "(SELECT message_id, consumer FROM inbox_messages WHERE processed_at < @before LIMIT @n FOR UPDATE SKIP LOCKED)", connection);
        inbox.Parameters.AddWithValue("before", before);
        inbox.Parameters.AddWithValue("n", batchSize);
        return (outboxRows, await inbox.ExecuteNonQueryAsync(ct));
    }

    /// <summary>Opens a connection listening on <see cref="Channel"/>.</summary>
    public async Task<NpgsqlConnection> ListenAsync(CancellationToken ct)
    {
        var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
        await listen.ExecuteNonQueryAsync(ct);
        return connection;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

public sealed class OutboxPublishException(int publishedBeforeFailure, Exception inner)
    : Exception($"Publishing from the outbox failed after {publishedBeforeFailure} message(s): {inner.Message}", inner)
{
    public int PublishedBeforeFailure { get; } = publishedBeforeFailure;
}
