using NetTopologySuite.Geometries;

namespace Dispatch.Domain.Grids;

/// <summary>
/// One feature of an imported grid layer, as written: the code and level are still text so that the validator can
/// name what is wrong with them. <see cref="Boundary"/> is null when the geometry could not be read at all.
/// </summary>
public sealed record GridFeature(
    int Index,
    string? Code,
    string? Name,
    string? Level = null,
    string? Parent = null,
    Geometry? Boundary = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    string? ResponsiblePerson = null)
{
    /// <summary>Where the feature sits in the document, for error keys: <c>features[3]</c>.</summary>
    public string Where => $"features[{Index}]";
}

/// <summary>What an import problem is about; each kind has its own test.</summary>
public enum GridProblemKind
{
    /// <summary>Not JSON, not a FeatureCollection, or a required member missing or of the wrong type.</summary>
    MalformedDocument,
    /// <summary>A ring whose first and last positions differ, or with fewer than four positions.</summary>
    UnclosedRing,
    /// <summary>A ring that crosses itself or another ring of the same polygon.</summary>
    SelfIntersection,
    /// <summary>Any other invalid geometry (hole outside its shell, wrong geometry type, bad coordinates).</summary>
    InvalidGeometry,
    MalformedCode,
    DuplicateCode,
    /// <summary>The feature's <c>level</c> property disagrees with the level its code's length implies.</summary>
    LevelMismatch,
    /// <summary>The feature names a parent whose code its own code does not extend.</summary>
    CodeDoesNotExtendParent,
    /// <summary>The parent the code implies is neither imported nor stored.</summary>
    ParentMissing,
    OutsideParent,
    SiblingOverlap,
    InvalidResponsibilityGrid,
}

/// <summary>One problem found in an import, keyed by where it is (<c>features[3]</c>, <c>responsibilityGrids[0]</c>).</summary>
public sealed record GridProblem(string Where, GridProblemKind Kind, string Message);

/// <summary>A grid layer document as read: its features, its responsibility grids and what could not be read.</summary>
public sealed record GridImportDocument(
    IReadOnlyList<GridFeature> Features,
    IReadOnlyList<ResponsibilityGridDefinition> ResponsibilityGrids,
    IReadOnlyList<GridProblem> Problems);
