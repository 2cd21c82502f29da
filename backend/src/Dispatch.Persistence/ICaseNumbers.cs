namespace Dispatch.Persistence;

/// <summary>Hands out readable case numbers, unique per district and year. Gaps are allowed; repeats are not.</summary>
public interface ICaseNumbers
{
    Task<string> NextAsync(DispatchDbContext db, string districtCode, int year, CancellationToken ct);
}
