namespace Dispatch.Persistence.Evaluation;

/// <summary>
/// The composite-score configuration an administrator edits (weights and grade bands per object kind), stored as the
/// API's JSON. One row (id 1); absent until the first edit, when the defaults of docs/domain.md §6 apply.
/// </summary>
public sealed class EvaluationScoring
{
    public const int SingletonId = 1;

    private EvaluationScoring() { }

    public EvaluationScoring(string json, string updatedBy, DateTimeOffset at)
    {
        Id = SingletonId;
        Json = json;
        UpdatedBy = updatedBy;
        UpdatedAt = at;
        Version = 1;
    }

    public int Id { get; private set; }
    /// <summary>Bumped on every edit; an edit names the version it was made from (409 when stale).</summary>
    public int Version { get; private set; }
    public string Json { get; private set; } = "";
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Update(string json, string updatedBy, DateTimeOffset at)
    {
        Json = json;
        UpdatedBy = updatedBy;
        UpdatedAt = at;
        Version++;
    }
}
