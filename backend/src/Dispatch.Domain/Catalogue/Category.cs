using System.Globalization;
using Dispatch.Domain.Calendar;

namespace Dispatch.Domain.Catalogue;

/// <summary>部件 (component, a thing with an owner) or 事件 (event, a situation).</summary>
public enum CategoryKind
{
    Component,
    Event,
}

/// <summary>A minor class (小类) of the catalogue, e.g. event 0505 机动车乱停放.</summary>
public sealed class Category
{
    public const int MaxNameZhLength = 64;
    public const int MaxNameEnLength = 128;
    public const int MaxDepartmentKindLength = 32;
    public const int MaxClosingStandardLength = 500;

    private readonly List<CategoryCondition> _conditions = [];

    private Category() { }

    public Category(Guid id, CategoryKind kind, string majorCode, string majorNameZh, string majorNameEn,
        string code, string nameZh, string nameEn, string departmentKind)
    {
        Id = id;
        Kind = kind;
        MajorCode = majorCode;
        MajorNameZh = majorNameZh;
        MajorNameEn = majorNameEn;
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
        DepartmentKind = departmentKind;
    }

    public Guid Id { get; private set; }
    public CategoryKind Kind { get; private set; }
    public string MajorCode { get; private set; } = "";
    public string MajorNameZh { get; private set; } = "";
    public string MajorNameEn { get; private set; } = "";
    /// <summary>Four digits: major (2) + minor (2). Unique within a kind only.</summary>
    public string Code { get; private set; } = "";
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    /// <summary>Kind of department responsible by default (e.g. traffic_police); <c>territory</c> means the street office.</summary>
    public string DepartmentKind { get; private set; } = "";
    public IReadOnlyList<CategoryCondition> Conditions => _conditions;

    /// <summary>
    /// When an administrator retired the category (停用): it is no longer offered for new reports or filing, but
    /// cases that already carry it keep it, show it and count under it. Null while in use.
    /// </summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    /// <summary>PostgreSQL's row version: an edit names the version it was made from.</summary>
    public uint Version { get; private set; }

    public CategoryCondition AddCondition(Guid id, string nameZh, string nameEn, decimal limit, string unit) =>
        AddCondition(id, nameZh, nameEn, "", "", limit, unit);

    /// <summary>
    /// Conditions are never removed, only retired, so the next ordinal counts the retired ones too and old cases
    /// keep the condition they were filed under.
    /// </summary>
    public CategoryCondition AddCondition(Guid id, string nameZh, string nameEn, string closingZh, string closingEn, decimal limit, string unit)
    {
        var condition = new CategoryCondition(id, Id, _conditions.Count + 1, nameZh, nameEn, limit, unit);
        condition.Edit(nameZh, nameEn, closingZh, closingEn);
        _conditions.Add(condition);
        return condition;
    }

    /// <summary>
    /// Kind and code stay as created: component ids embed the code (see <c>ComponentCode</c>) and routing rules,
    /// intake rules and reports name it. Names, major class and responsible department kind may change.
    /// </summary>
    public void Edit(string majorNameZh, string majorNameEn, string nameZh, string nameEn, string departmentKind)
    {
        MajorNameZh = majorNameZh.Trim();
        MajorNameEn = majorNameEn.Trim();
        NameZh = nameZh.Trim();
        NameEn = nameEn.Trim();
        DepartmentKind = departmentKind.Trim();
    }

    public void Retire(DateTimeOffset at) => RetiredAt ??= at;

    public void Restore() => RetiredAt = null;

    /// <summary>Whether a new report or a filing may name this category and (when given) this condition.</summary>
    public string? RefusalForNewUse(Guid? conditionId)
    {
        if (IsRetired)
            return $"Category {Code} {NameZh} is retired and no longer takes new reports or filings.";
        if (conditionId is { } id && _conditions.FirstOrDefault(c => c.Id == id) is { IsRetired: true } condition)
            return $"Condition {condition.NameZh} of category {Code} {NameZh} is retired.";
        return null;
    }
}

/// <summary>A filing condition (立案条件) of a category, with its handling time limit.</summary>
public sealed class CategoryCondition
{
    private CategoryCondition() { }

    internal CategoryCondition(Guid id, Guid categoryId, int ordinal, string nameZh, string nameEn, decimal limit, string unit)
    {
        Id = id;
        CategoryId = categoryId;
        Ordinal = ordinal;
        NameZh = nameZh;
        NameEn = nameEn;
        Limit = limit;
        Unit = unit;
    }

    public Guid Id { get; private set; }
    public Guid CategoryId { get; private set; }
    public int Ordinal { get; private set; }
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public decimal Limit { get; private set; }
    /// <summary>working_hours | urgent_hours | working_days | calendar_days</summary>
    public string Unit { get; private set; } = "";

    public TimeLimit TimeLimit => TimeLimit.Parse(Limit.ToString(CultureInfo.InvariantCulture), Unit);

    /// <summary>The closing standard (结案条件): what the check must find for the case to close.</summary>
    public string ClosingStandardZh { get; private set; } = "";

    public string ClosingStandardEn { get; private set; } = "";

    /// <summary>When it was retired: no longer offered for new reports or filings; old cases keep it. Null while in use.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    /// <summary>PostgreSQL's row version: an edit names the version it was made from.</summary>
    public uint Version { get; private set; }

    public void Edit(string nameZh, string nameEn, string closingZh, string closingEn)
    {
        NameZh = nameZh.Trim();
        NameEn = nameEn.Trim();
        ClosingStandardZh = closingZh.Trim();
        ClosingStandardEn = closingEn.Trim();
    }

    public void Retire(DateTimeOffset at) => RetiredAt ??= at;

    public void Restore() => RetiredAt = null;

    /// <summary>An administrator changes the handling limit; cases already dispatched keep their deadlines.</summary>
    public void SetLimit(TimeLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        Limit = limit.Amount;
        Unit = TimeLimit.UnitName(limit.Unit);
    }
}

/// <summary>
/// An area class (A 核心区 / B 一般区 / C) with a handling limit of its own for one filing condition; where there is
/// none, the condition's own limit holds.
/// </summary>
public sealed class ConditionTimeLimit
{
    public const int MaxAreaClassLength = 8;

    private ConditionTimeLimit() { }

    public ConditionTimeLimit(Guid conditionId, string areaClass, TimeLimit limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(areaClass);
        ConditionId = conditionId;
        AreaClass = areaClass;
        Set(limit);
    }

    public Guid ConditionId { get; private set; }
    public string AreaClass { get; private set; } = "";
    public decimal Limit { get; private set; }
    public string Unit { get; private set; } = "";

    public TimeLimit TimeLimit => TimeLimit.Parse(Limit.ToString(CultureInfo.InvariantCulture), Unit);

    public void Set(TimeLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        Limit = limit.Amount;
        Unit = TimeLimit.UnitName(limit.Unit);
    }
}
