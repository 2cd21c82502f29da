using Npgsql;

namespace Dispatch.Persistence;

/// <summary>
/// The one place that knows the database's error codes. Callers ask what happened (a unique key was taken, a
/// serializable transaction lost) and never look at provider exceptions themselves, so another provider changes
/// this file only.
/// </summary>
public static class DbErrors
{
    /// <summary>A unique index or primary key refused the row; when <paramref name="constraint"/> is given, only that one.</summary>
    public static bool IsUniqueViolation(Exception e, string? constraint = null) =>
        Provider(e) is { SqlState: PostgresErrorCodes.UniqueViolation } p && (constraint is null || p.ConstraintName == constraint);

    /// <summary>A serializable transaction lost to a concurrent one and may be retried from the start.</summary>
    public static bool IsSerializationFailure(Exception e) =>
        Provider(e) is { SqlState: PostgresErrorCodes.SerializationFailure };

    private static PostgresException? Provider(Exception? e) =>
        e as PostgresException ?? e?.InnerException as PostgresException;
}
