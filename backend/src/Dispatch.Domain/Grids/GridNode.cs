using NetTopologySuite.Geometries;

namespace Dispatch.Domain.Grids;

/// <summary>
/// A node of the grid tree (网格): a city, district, street, community or unit grid with its boundary polygon.
/// Boundaries change over time, so a node has a validity period; a retired node keeps its code for the old cases
/// that carry it, and a redrawn area gets new codes. The boundary is held as WKB with its bounding box beside it, so
/// the database needs no spatial extension and a map query can filter on plain columns.
/// </summary>
public sealed class GridNode
{
    public const int MaxNameLength = 64;
    public const int MaxResponsiblePersonLength = 64;

    private GridNode() { }

    public GridNode(GridNodeDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Code = draft.Code.Value;
        Level = draft.Code.Level;
        ParentCode = draft.Code.Parent?.Value;
        Redraw(draft);
    }

    public string Code { get; private set; } = "";
    public GridLevel Level { get; private set; }
    public string? ParentCode { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The boundary as WKB (WGS-84 longitude/latitude).</summary>
    public byte[] Boundary { get; private set; } = [];
    public double MinLongitude { get; private set; }
    public double MinLatitude { get; private set; }
    public double MaxLongitude { get; private set; }
    public double MaxLatitude { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    /// <summary>First day the node no longer applies; null while it is in force.</summary>
    public DateOnly? ValidTo { get; private set; }
    /// <summary>网格长 / 街长: who answers for this node, as free text (a name, possibly with a phone number).</summary>
    public string? ResponsiblePerson { get; private set; }

    public bool IsInForceOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);

    public Geometry ReadBoundary() => GridGeometry.FromWkb(Boundary);

    public GridNodeDraft ToDraft() => new(GridCode.Parse(Code), Name, ReadBoundary(), ValidFrom, ValidTo, ResponsiblePerson);

    /// <summary>Takes over name, boundary, validity and responsible person from an imported draft of the same code.</summary>
    public void Redraw(GridNodeDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Code.Value != Code)
            throw new ArgumentException($"Draft {draft.Code} cannot redraw node {Code}.", nameof(draft));
        Name = draft.Name;
        Boundary = GridGeometry.ToWkb(draft.Boundary);
        var envelope = draft.Boundary.EnvelopeInternal;
        (MinLongitude, MinLatitude, MaxLongitude, MaxLatitude) = (envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);
        ValidFrom = draft.ValidFrom;
        ValidTo = draft.ValidTo;
        ResponsiblePerson = draft.ResponsiblePerson;
    }
}

/// <summary>A grid node as drawn and checked, before or apart from storage.</summary>
public sealed record GridNodeDraft(
    GridCode Code, string Name, Geometry Boundary, DateOnly ValidFrom, DateOnly? ValidTo = null, string? ResponsiblePerson = null)
{
    public bool IsInForceOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);

    /// <summary>Two validity periods [from, to) share at least one day.</summary>
    public bool OverlapsInTime(GridNodeDraft other) =>
        (ValidTo is null || other.ValidFrom < ValidTo) && (other.ValidTo is null || ValidFrom < other.ValidTo);
}
