using System.Globalization;
using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.VisualBasic.FileIO;

namespace Dispatch.Api.Features.Catalogue;

/// <summary>
/// Seeds the starting catalogue (部件/事件 minor classes × filing conditions, with time limits) from
/// SeedData/categories.csv when the catalogue is empty. Administrators own it after that.
/// </summary>
public static class CatalogueSeeder
{
    public static async Task SeedAsync(DispatchDbContext db, string csvPath, CancellationToken ct)
    {
        if (await db.Categories.AnyAsync(ct))
            return;
        foreach (var category in Parse(csvPath))
            db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
    }

    public static IReadOnlyList<Category> Parse(string csvPath)
    {
        using var parser = new TextFieldParser(csvPath) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? throw new InvalidDataException($"{csvPath} is empty.");
        var column = header.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var categories = new Dictionary<(CategoryKind, string), Category>();
        while (!parser.EndOfData)
        {
            var line = parser.LineNumber;
            var f = parser.ReadFields() ?? [];
            string Get(string name) => f[column[name]].Trim();
            var kind = Get("kind") switch
            {
                "component" => CategoryKind.Component,
                "event" => CategoryKind.Event,
                var other => throw new InvalidDataException($"{csvPath}:{line}: unknown kind '{other}'."),
            };
            var code = Get("minor_code");
            if (!categories.TryGetValue((kind, code), out var category))
            {
                category = new Category(Guid.CreateVersion7(), kind, Get("major_code"), Get("major_zh"), Get("major_en"),
                    code, Get("minor_zh"), Get("minor_en"), Get("department_kind"));
                categories.Add((kind, code), category);
            }
            category.AddCondition(Guid.CreateVersion7(), Get("condition_zh"), Get("condition_en"),
                decimal.Parse(Get("limit"), CultureInfo.InvariantCulture), Get("unit"));
        }
        return categories.Values.ToList();
    }
}
