namespace Dispatch.Domain.Catalogue;

/// <summary>
/// A handling department (专业部门 / 责任单位) with the territory it has jurisdiction over. A department may be a
/// sub-unit (科室 / 班组) of another; a retired department (撤销) stays on old cases and in reports but is no longer
/// offered for routing, dispatch or new accounts.
/// </summary>
public sealed class Department
{
    public const int MaxKeyLength = 64;
    public const int MaxNameZhLength = 128;
    public const int MaxNameEnLength = 256;
    public const int MaxKindLength = 32;
    public const int MaxPhoneLength = 32;
    /// <summary>How many grid nodes one department's jurisdiction may list.</summary>
    public const int MaxJurisdictionCodes = 50;

    private List<string> _jurisdictionCodes = [];

    private Department() { }

    public Department(Guid id, string key, string kind, string level, string jurisdictionCode, string nameZh, string nameEn)
    {
        Id = id;
        Key = key;
        Kind = kind;
        Level = level;
        JurisdictionCode = jurisdictionCode;
        _jurisdictionCodes = [jurisdictionCode];
        NameZh = nameZh;
        NameEn = nameEn;
    }

    public Guid Id { get; private set; }
    /// <summary>Stable short key, e.g. <c>xs-traffic</c>; handlers' accounts and board groups use it. Never changes.</summary>
    public string Key { get; private set; } = "";
    /// <summary>One of <see cref="DepartmentKinds"/>; routing by jurisdiction looks departments up by kind.</summary>
    public string Kind { get; private set; } = "";
    /// <summary>city | district | street | community</summary>
    public string Level { get; private set; } = "";
    /// <summary>
    /// The main grid code of the territory it serves (6-digit district or city code, 9-digit street code): the first of
    /// <see cref="JurisdictionCodes"/>, the one routing by place uses.
    /// </summary>
    public string JurisdictionCode { get; private set; } = "";
    /// <summary>Every grid node the department has jurisdiction over (辖区), the main one first.</summary>
    public IReadOnlyList<string> JurisdictionCodes
    {
        get => _jurisdictionCodes;
        private set => _jurisdictionCodes = [.. value];
    }
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    /// <summary>联系电话: the office's number.</summary>
    public string? ContactPhone { get; private set; }
    /// <summary>值班电话: the number answered out of hours.</summary>
    public string? DutyPhone { get; private set; }
    /// <summary>The department this one is a sub-unit of; null for a top-level department.</summary>
    public Guid? ParentId { get; private set; }
    /// <summary>When the department was retired; null while it is in service.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }
    /// <summary>Row version for optimistic concurrency (PostgreSQL's <c>xmin</c>).</summary>
    public uint Version { get; private set; }

    public bool Retired => RetiredAt is not null;

    public static Department Create(Guid id, string key, DepartmentDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var d = new Department { Id = id, Key = key };
        d.Edit(details);
        return d;
    }

    /// <summary>Renames or re-describes the department; its key stays.</summary>
    public void Edit(DepartmentDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.JurisdictionCodes.Count == 0)
            throw new ArgumentException("A department has jurisdiction over at least one grid node.", nameof(details));
        if (details.ParentId == Id)
            throw new ArgumentException("A department cannot be its own sub-unit.", nameof(details));
        Kind = details.Kind;
        Level = details.Level;
        NameZh = details.NameZh;
        NameEn = details.NameEn;
        _jurisdictionCodes = [.. details.JurisdictionCodes];
        JurisdictionCode = _jurisdictionCodes[0];
        ContactPhone = details.ContactPhone;
        DutyPhone = details.DutyPhone;
        ParentId = details.ParentId;
    }

    /// <summary>撤销: the caller has made sure nothing open still points at it.</summary>
    public void Retire(DateTimeOffset at)
    {
        if (Retired)
            throw new InvalidOperationException($"Department {Key} is already retired.");
        RetiredAt = at;
    }

    /// <summary>恢复: back in service, offered for routing and dispatch again.</summary>
    public void Restore()
    {
        if (!Retired)
            throw new InvalidOperationException($"Department {Key} is in service.");
        RetiredAt = null;
    }
}

/// <summary>What an administrator fills in for a department, already checked.</summary>
public sealed record DepartmentDetails(
    string Kind, string Level, string NameZh, string NameEn, IReadOnlyList<string> JurisdictionCodes,
    string? ContactPhone, string? DutyPhone, Guid? ParentId);
