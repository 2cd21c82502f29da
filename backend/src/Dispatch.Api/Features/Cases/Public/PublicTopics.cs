using System.Text.Json;
using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases.Public;

/// <summary>One plain-word topic of the citizens' page as the data file holds it.</summary>
public sealed record PublicTopicEntry(string Key, string Zh, string En, string Kind, string Code, string? Condition);

/// <summary>A topic offered to the public, with the catalogue category (and condition) a report on it is filed under.</summary>
public sealed record PublicTopicDto(string Key, string NameZh, string NameEn);

/// <summary>A topic resolved against the catalogue as it stands now.</summary>
public sealed record ResolvedTopic(PublicTopicEntry Entry, Guid CategoryId, Guid? ConditionId);

/// <summary>
/// The everyday phrases the public picks from instead of the catalogue's codes (SeedData/public-topics.json). They are
/// data: each names a category by kind and minor code and maybe a condition by its Chinese name, and is resolved
/// against the catalogue on every use, so a retired category is simply no longer offered.
/// </summary>
public sealed class PublicTopics
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<PublicTopicEntry> _entries;

    public PublicTopics(IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var path = Path.Combine(environment.ContentRootPath, "SeedData", "public-topics.json");
        using var file = File.OpenRead(path);
        var document = JsonSerializer.Deserialize<TopicFile>(file, Json)
            ?? throw new InvalidOperationException($"{path} holds no topics.");
        _entries = document.Topics;
        if (_entries.Count == 0 || _entries.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count() != _entries.Count
            || _entries.Any(e => e.Kind is not ("event" or "component") || string.IsNullOrWhiteSpace(e.Zh) || string.IsNullOrWhiteSpace(e.En)))
            throw new InvalidOperationException($"{path}: every topic needs a unique key, words in both languages and a kind of event or component.");
    }

    public IReadOnlyList<PublicTopicEntry> Entries => _entries;

    /// <summary>The topics whose category (and condition) the catalogue holds and has not retired, in the file's order.</summary>
    public async Task<IReadOnlyList<ResolvedTopic>> ResolveAsync(DispatchDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var codes = _entries.Select(e => e.Code).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Include(c => c.Conditions)
            .Where(c => codes.Contains(c.Code)).ToListAsync(ct);
        var resolved = new List<ResolvedTopic>();
        foreach (var entry in _entries)
        {
            var kind = entry.Kind == "event" ? CategoryKind.Event : CategoryKind.Component;
            var category = categories.FirstOrDefault(c => c.Kind == kind && c.Code == entry.Code);
            if (category is null)
                continue;
            Guid? conditionId = null;
            if (entry.Condition is not null)
            {
                if (category.Conditions.FirstOrDefault(c => c.NameZh == entry.Condition) is not { } condition)
                    continue;
                conditionId = condition.Id;
            }
            if (category.RefusalForNewUse(conditionId) is not null)
                continue;
            resolved.Add(new ResolvedTopic(entry, category.Id, conditionId));
        }
        return resolved;
    }

    private sealed record TopicFile(List<PublicTopicEntry> Topics);
}
