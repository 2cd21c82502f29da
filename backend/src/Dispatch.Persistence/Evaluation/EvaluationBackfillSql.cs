namespace Dispatch.Persistence.Evaluation;

/// <summary>
/// The SQL that derives evaluation facts (and the trace rows' holding department) for rows stored before facts
/// existed, by the domain's rules; idempotent per case. The bench generator runs the same file.
/// </summary>
public static class EvaluationBackfillSql
{
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(EvaluationBackfillSql).Assembly.GetManifestResourceStream("Dispatch.Persistence.Evaluation.EvaluationBackfill.sql")
            ?? throw new InvalidOperationException("The evaluation backfill SQL is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
