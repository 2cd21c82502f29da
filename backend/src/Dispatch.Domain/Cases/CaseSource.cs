namespace Dispatch.Domain.Cases;

/// <summary>How a case reached the command centre (案件来源, docs/domain.md §7).</summary>
public enum CaseSource
{
    /// <summary>监督员上报</summary>
    Patrol,
    /// <summary>公众上报</summary>
    Public,
    /// <summary>12345 / 12319 热线</summary>
    Hotline,
    /// <summary>领导交办</summary>
    Leader,
    /// <summary>视频智能分析</summary>
    Video,
    /// <summary>媒体曝光</summary>
    Media,
}
