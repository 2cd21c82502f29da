namespace Dispatch.Api.Features.Catalogue;

/// <summary>How other answers name a category, condition or department: enough to show it in either language.</summary>
public sealed record CategoryRef(Guid Id, string Code, string NameZh, string NameEn);
public sealed record ConditionRef(Guid Id, string NameZh, string NameEn);
public sealed record DepartmentRef(string Key, string NameZh, string NameEn);
