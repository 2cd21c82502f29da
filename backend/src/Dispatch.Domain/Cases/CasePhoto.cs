namespace Dispatch.Domain.Cases;

/// <summary>A file attached to a case as it is stored: its content hash, type and size.</summary>
public sealed record PhotoFile(string Sha256, string ContentType, long Length);

/// <summary>A photo attached to a case; the bytes live in content-addressed storage under <see cref="Sha256"/>.</summary>
public sealed class CasePhoto
{
    private CasePhoto() { }

    public CasePhoto(Guid caseId, string sha256, string contentType, long length, string stage, DateTimeOffset at, int? traceSequence = null)
    {
        Id = Guid.CreateVersion7(at);
        CaseId = caseId;
        Sha256 = sha256;
        ContentType = contentType;
        Length = length;
        Stage = stage;
        UploadedAt = at;
        TraceSequence = traceSequence;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Length { get; private set; }
    /// <summary>
    /// The action the photo was taken for: "report" (before), "verify", "feedback" (after), "check" or
    /// "self-handle".
    /// </summary>
    public string Stage { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
    /// <summary>The trace row the photo belongs to (its <see cref="CaseTrace.Sequence"/>); null on rows stored before photos were tied to rows.</summary>
    public int? TraceSequence { get; private set; }
}
