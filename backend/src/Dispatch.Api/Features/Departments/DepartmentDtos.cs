using Dispatch.Domain.Catalogue;

namespace Dispatch.Api.Features.Departments;

/// <summary>
/// A department as administrators see it. <c>version</c> is the row version an edit sends back; <c>openCases</c>
/// counts the open cases it leads, <c>assistingCases</c> those it assists on (协办).
/// </summary>
public sealed record AdminDepartmentDto(
    string Key, string NameZh, string NameEn, string Kind, string Level, IReadOnlyList<string> JurisdictionCodes,
    string? ContactPhone, string? DutyPhone, string? ParentKey, bool Retired, DateTimeOffset? RetiredAt, uint Version,
    int OpenCases = 0, int AssistingCases = 0)
{
    public static AdminDepartmentDto From(Department d, string? parentKey, int openCases = 0, int assistingCases = 0) => new(
        d.Key, d.NameZh, d.NameEn, d.Kind, d.Level, d.JurisdictionCodes.ToList(), d.ContactPhone, d.DutyPhone, parentKey,
        d.Retired, d.RetiredAt, d.Version, openCases, assistingCases);

    /// <summary>What the audit log keeps of the department: the record without its live counts.</summary>
    public AdminDepartmentDto ForAudit() => this with { OpenCases = 0, AssistingCases = 0 };
}

/// <summary>
/// What an administrator sends to create (<c>key</c> required) or edit (<c>version</c> required; the key never
/// changes) a department. <c>level</c> may be left out: it follows the main jurisdiction node's grid level.
/// </summary>
/// <param name="JurisdictionCodes">Grid node codes the department serves (辖区), the main one first.</param>
/// <param name="ParentKey">The department this one is a sub-unit of, or null.</param>
public sealed record DepartmentRequest(
    string? Key = null, string? NameZh = null, string? NameEn = null, string? Kind = null, string? Level = null,
    IReadOnlyList<string>? JurisdictionCodes = null, string? ContactPhone = null, string? DutyPhone = null,
    string? ParentKey = null, uint? Version = null);

/// <summary>A retire or restore request: the version the administrator saw (optional for these two).</summary>
public sealed record DepartmentVersionRequest(uint? Version = null);

/// <summary>What still points at a department, capped at <see cref="DepartmentBlockers.Cap"/> items per list with the full counts.</summary>
public sealed record BlockerList<T>(int Count, IReadOnlyList<T> Items);

public sealed record BlockingRule(Guid Id, string Name);

public sealed record BlockingAccount(string UserName, string DisplayName);

/// <summary>The kinds of department there are, with their labels.</summary>
public sealed record DepartmentKindDto(string Code, string NameZh, string NameEn);

/// <summary>A handler a case can be given to (内部派遣): the account, its name and the (sub-)unit it belongs to.</summary>
public sealed record DepartmentHandlerDto(string UserName, string DisplayName, string DepartmentKey, string DepartmentNameZh, string DepartmentNameEn);
