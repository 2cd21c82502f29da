using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Hosting;

/// <summary>
/// Makes a sign-in with an unknown user name indistinguishable from one with a known name and a wrong password:
/// the same answers (401, and 423 after as many failures as lock a real account, for as long), and the same work (a
/// password hash is verified either way, so the time taken does not tell). Failures of unknown names are counted in
/// memory: they have no row to count in.
/// </summary>
internal sealed class SignInThrottle(IOptions<IdentityOptions> identity, IOptions<PasswordHasherOptions> hashing, TimeProvider clock) : IDisposable
{
    private static readonly AppUser Nobody = new();
    /// <summary>Identity's own hasher with the same settings (the registered one is scoped), so the work is the same.</summary>
    private readonly PasswordHasher<AppUser> _hasher = new(hashing);
    private readonly Lazy<string> _dummyHash = new(() => new PasswordHasher<AppUser>(hashing).HashPassword(Nobody, Guid.NewGuid().ToString("N")));
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>Spends the time a password check takes, with nothing to compare against.</summary>
    public void VerifyNothing(string password) => _hasher.VerifyHashedPassword(Nobody, _dummyHash.Value, password);

    public bool IsLockedOut(string normalizedName) =>
        _failures.TryGetValue(normalizedName, out Entry? entry) && entry!.LockedUntil > clock.GetUtcNow();

    /// <summary>Counts a failure of an unknown name; true when it locks the name, as the same failure would lock an account.</summary>
    public bool Fail(string normalizedName)
    {
        var lockout = identity.Value.Lockout;
        var entry = _failures.GetOrCreate(normalizedName, e =>
        {
            e.Size = 1;
            e.SlidingExpiration = lockout.DefaultLockoutTimeSpan + TimeSpan.FromHours(1);
            return new Entry();
        })!;
        lock (entry)
        {
            entry.Count++;
            if (entry.Count < lockout.MaxFailedAccessAttempts)
                return false;
            entry.Count = 0;
            entry.LockedUntil = clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan;
            return true;
        }
    }

    public void Dispose() => _failures.Dispose();

    private sealed class Entry
    {
        public int Count { get; set; }
        public DateTimeOffset LockedUntil { get; set; }
    }
}
