namespace Dispatch.Domain.Grids;

/// <summary>
/// Where a case lies in the grid: its unit grid (and through the code every level above), the responsibility grid
/// that unit belongs to, and whether the reporting patroller was outside the responsibility grids they patrol —
/// such a report is accepted but flagged for the command centre.
/// </summary>
public sealed record GridLocation
{
    public GridLocation(GridCode unitGrid, string? responsibilityGridCode = null, bool outsideResponsibilityGrid = false)
    {
        if (unitGrid.Level != GridLevel.Unit)
            throw new ArgumentException($"{unitGrid} is a {GridLevels.Name(unitGrid.Level)} code; a case is located in a unit grid.", nameof(unitGrid));
        UnitGrid = unitGrid;
        ResponsibilityGridCode = responsibilityGridCode;
        OutsideResponsibilityGrid = outsideResponsibilityGrid;
    }

    public GridCode UnitGrid { get; }
    public string? ResponsibilityGridCode { get; }
    public bool OutsideResponsibilityGrid { get; }

    public GridCode Community => UnitGrid.At(GridLevel.Community);
    public GridCode Street => UnitGrid.At(GridLevel.Street);
    public GridCode District => UnitGrid.At(GridLevel.District);
}
