namespace Dispatch.Domain.Catalogue;

/// <summary>A handling department (专业部门 / 责任单位) with the territory it has jurisdiction over.</summary>
public sealed class Department
{
    private Department() { }

    public Department(Guid id, string key, string kind, string level, string jurisdictionCode, string nameZh, string nameEn)
    {
        Id = id;
        Key = key;
        Kind = kind;
        Level = level;
        JurisdictionCode = jurisdictionCode;
        NameZh = nameZh;
        NameEn = nameEn;
    }

    public Guid Id { get; private set; }
    /// <summary>Stable short key, e.g. <c>xs-traffic</c>; handlers' accounts and board groups use it.</summary>
    public string Key { get; private set; } = "";
    public string Kind { get; private set; } = "";
    /// <summary>city | district | street</summary>
    public string Level { get; private set; } = "";
    /// <summary>Grid code of the territory it serves (6-digit district or city code, 9-digit street code).</summary>
    public string JurisdictionCode { get; private set; } = "";
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
}
