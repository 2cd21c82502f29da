namespace Dispatch.Api.Features.Catalogue;

/// <summary>How other answers name a category, condition or department: enough to show it in either language.</summary>
public sealed record CategoryRef(Guid Id, string Code, string NameZh, string NameEn);
/// <param name="ClosingStandardZh">结案条件: what the case must look like to be closed; empty when none is set.</param>
public sealed record ConditionRef(Guid Id, string NameZh, string NameEn, string ClosingStandardZh = "", string ClosingStandardEn = "");
public sealed record DepartmentRef(string Key, string NameZh, string NameEn);
