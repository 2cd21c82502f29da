using System.Diagnostics.CodeAnalysis;
using Dispatch.Domain.Grids;

namespace Dispatch.Domain.Components;

/// <summary>The state of a component as the census (部件普查) last recorded it.</summary>
public enum ComponentState
{
    /// <summary>完好</summary>
    Intact,
    /// <summary>破损</summary>
    Damaged,
    /// <summary>丢失</summary>
    Missing,
    /// <summary>废弃</summary>
    Abandoned,
    /// <summary>移除</summary>
    Removed,
}

public static class ComponentStates
{
    /// <summary>The lower-case names the API and the import files use.</summary>
    public static string Name(ComponentState state) => state.ToString().ToLowerInvariant();

    /// <summary>Accepts the English names and the Chinese terms of the census.</summary>
    public static bool TryParse(string? text, out ComponentState state)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "intact" or "完好": state = ComponentState.Intact; return true;
            case "damaged" or "破损": state = ComponentState.Damaged; return true;
            case "missing" or "丢失": state = ComponentState.Missing; return true;
            case "abandoned" or "废弃": state = ComponentState.Abandoned; return true;
            case "removed" or "移除": state = ComponentState.Removed; return true;
            default: state = default; return false;
        }
    }
}

/// <summary>
/// The 16-digit id of a component instance (部件标识码): district (6) + major class (2) + minor class (2) + serial (6),
/// e.g. <c>4503040102000123</c> — a sewage manhole cover (0102) in 象山区 (450304).
/// </summary>
public readonly record struct ComponentCode
{
    public const int Length = 16;

    private ComponentCode(string value) => Value = value;

    public string Value { get; }
    public string DistrictCode => Value[..6];
    /// <summary>Major + minor class: the category code (e.g. <c>0102</c>).</summary>
    public string CategoryCode => Value[6..10];
    public string Serial => Value[10..];

    public static ComponentCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static ComponentCode Create(GridCode district, string categoryCode, int serial)
    {
        if (district.Level != GridLevel.District)
            throw new ArgumentException($"{district} is not a district code.", nameof(district));
        return Parse(FormattableString.Invariant($"{district.Value}{categoryCode}{serial:000000}"));
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out ComponentCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        if (string.IsNullOrEmpty(text))
            error = "A component id is required.";
        else if (text.Length != Length || !text.All(char.IsAsciiDigit))
            error = $"'{text}' is not a component id: 16 digits (district 6 + major class 2 + minor class 2 + serial 6).";
        else if (!GridCode.TryParse(text[..6], out var district, out var gridError) || district.Level != GridLevel.District)
            error = $"'{text}' does not start with a district code: {gridError ?? $"{text[..6]} is a city code"}";
        else if (text.AsSpan(6, 2) is "00" || text.AsSpan(8, 2) is "00")
            error = $"'{text}' has no major or minor class at digits 7–10.";
        else if (text.AsSpan(10) is "000000")
            error = $"'{text}' has serial 000000; serials run from 000001.";
        else
            error = null;
        if (error is not null)
            return false;
        code = new ComponentCode(text!);
        return true;
    }

    public override string ToString() => Value;
}

/// <summary>A component as imported or generated, before or apart from storage.</summary>
public sealed record ComponentDraft(
    ComponentCode Code,
    Guid CategoryId,
    GridCode UnitGrid,
    Guid? OwnerDepartmentId,
    string? Maintainer,
    ComponentState State,
    double Longitude,
    double Latitude);

/// <summary>
/// A component instance (部件) from the census: a thing in the street with an owner (权属单位) who answers for it,
/// a maintainer (养护单位), a state and a point. A report may name one, and routing then sends the case to its owner.
/// </summary>
public sealed class Component
{
    public const int MaxMaintainerLength = 128;

    private Component() { }

    public Component(ComponentDraft draft, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Id = draft.Code.Value;
        Update(draft, at);
    }

    /// <summary>The 16-digit <see cref="ComponentCode"/>.</summary>
    public string Id { get; private set; } = "";
    public Guid CategoryId { get; private set; }
    public string UnitGridCode { get; private set; } = "";
    /// <summary>权属单位, when it is a department the system knows; null when no owner is recorded (无主).</summary>
    public Guid? OwnerDepartmentId { get; private set; }
    /// <summary>养护单位, as recorded.</summary>
    public string? Maintainer { get; private set; }
    public ComponentState State { get; private set; }
    public double Longitude { get; private set; }
    public double Latitude { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// When the census retired the record (taken out of the inventory by an administrator): no longer offered to
    /// reporters nor counted as in service; cases that named it keep the id. Null while in the inventory.
    /// </summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    /// <summary>PostgreSQL's row version: an edit names the version it was made from.</summary>
    public uint Version { get; private set; }

    public void Retire(DateTimeOffset at)
    {
        if (RetiredAt is not null)
            return;
        RetiredAt = at;
        UpdatedAt = at;
    }

    public void Restore(DateTimeOffset at)
    {
        if (RetiredAt is null)
            return;
        RetiredAt = null;
        UpdatedAt = at;
    }

    /// <summary>Takes over everything but the id from a newer census record of the same component.</summary>
    public void Update(ComponentDraft draft, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Code.Value != Id)
            throw new ArgumentException($"Record {draft.Code} cannot update component {Id}.", nameof(draft));
        if (draft.UnitGrid.Level != GridLevel.Unit)
            throw new ArgumentException($"{draft.UnitGrid} is not a unit grid.", nameof(draft));
        if (draft.UnitGrid.At(GridLevel.District).Value != draft.Code.DistrictCode)
            throw new ArgumentException($"Component {draft.Code} is numbered in district {draft.Code.DistrictCode}, but lies in unit grid {draft.UnitGrid}.", nameof(draft));
        CategoryId = draft.CategoryId;
        UnitGridCode = draft.UnitGrid.Value;
        OwnerDepartmentId = draft.OwnerDepartmentId;
        Maintainer = string.IsNullOrWhiteSpace(draft.Maintainer) ? null : draft.Maintainer.Trim();
        State = draft.State;
        Longitude = draft.Longitude;
        Latitude = draft.Latitude;
        UpdatedAt = at;
    }
}
