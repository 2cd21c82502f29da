namespace Dispatch.Domain.Cases;

/// <summary>A photo attached to a case; the bytes live in content-addressed storage under <see cref="Sha256"/>.</summary>
public sealed class CasePhoto
{
    private CasePhoto() { }

    public CasePhoto(Guid caseId, string sha256, string contentType, long length, string stage, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        CaseId = caseId;
        Sha256 = sha256;
        ContentType = contentType;
        Length = length;
        Stage = stage;
        UploadedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Length { get; private set; }
    /// <summary>"report" for the photos taken when reporting; later steps add their own (before / after).</summary>
    public string Stage { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
}
