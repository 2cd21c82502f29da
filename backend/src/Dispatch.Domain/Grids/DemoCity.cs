using System.Globalization;

namespace Dispatch.Domain.Grids;

/// <summary>
/// The demo city (演示城市), generated rather than stored: 桂林市 450300 → 象山区 450304 → its four streets
/// (象山街道 001, 南门街道 002, 平山街道 003, 二塘乡 200) → four communities each → unit grids of 0.001° × 0.0009°
/// (about 100.7 m × 99.5 m ≈ 10,000 m² at 25.25° N) on WGS-84 coordinates.
/// The unit grids tile lon 110.270–110.310, lat 25.2324–25.2720 without gaps: 40 columns × 44 rows, 1,760 unit
/// grids, covering the rectangle 110.275–110.305 E, 25.235–25.270 N that demos and tests rely on. 象鼻山
/// (110.296 E, 25.268 N) falls in 象山街道. The layout is schematic (streets and communities are blocks of unit
/// grids) and the community names are illustrative; the codes follow the rule of <see cref="GridCode"/>.
/// </summary>
public static class DemoCity
{
    public const double West = 110.270;
    public const double North = 25.2720;
    public const double CellWidth = 0.001;
    public const double CellHeight = 0.0009;
    public const int Columns = 40;
    public const int Rows = 44;

    public static readonly DateOnly ValidFrom = new(2026, 1, 1);
    public static readonly GridCode City = GridCode.Parse("450300");
    public static readonly GridCode District = GridCode.Parse("450304");

    /// <summary>A street: its serial and name, the block of unit-grid columns and rows it spans, and its communities.</summary>
    private sealed record Street(int Serial, string Name, int Column, int Row, (int Serial, string Name)[] Communities);

    // Each street is 20 columns × 22 rows, split 2 × 2 into communities of 10 × 11 unit grids, numbered north-west,
    // north-east, south-west, south-east. Villages under a township take serials from 201, as village committees do.
    private static readonly Street[] Streets =
    [
        new(1, "象山街道", 20, 0, [(1, "象鼻山社区"), (2, "文昌社区"), (3, "滨江社区"), (4, "崇善社区")]),
        new(2, "南门街道", 0, 0, [(1, "南门社区"), (2, "榕湖社区"), (3, "翠竹社区"), (4, "凤集社区")]),
        new(3, "平山街道", 20, 22, [(1, "平山社区"), (2, "瓦窑社区"), (3, "凯风社区"), (4, "铁佛社区")]),
        new(200, "二塘乡", 0, 22, [(201, "二塘村"), (202, "新安村"), (203, "莫家村"), (204, "上窑村")]),
    ];

    private const int StreetColumns = 20;
    private const int StreetRows = 22;
    private const int CommunityColumns = 10;
    private const int CommunityRows = 11;

    /// <summary>
    /// Edge longitudes and latitudes come from one function of the column or row number, so neighbouring grids share
    /// bit-identical edges and the tiling has neither gaps nor overlaps.
    /// </summary>
    public static double Longitude(int column) => Math.Round(West + (column * CellWidth), 6);
    public static double Latitude(int row) => Math.Round(North - (row * CellHeight), 6);

    public static IReadOnlyList<GridNodeDraft> Nodes()
    {
        var nodes = new List<GridNodeDraft>
        {
            Block(City, "桂林市", 0, 0, Columns, Rows),
            Block(District, "象山区", 0, 0, Columns, Rows),
        };
        foreach (var street in Streets)
        {
            var streetCode = District.Child(street.Serial);
            nodes.Add(Block(streetCode, street.Name, street.Column, street.Row, StreetColumns, StreetRows));
            for (var c = 0; c < street.Communities.Length; c++)
            {
                var (serial, name) = street.Communities[c];
                var communityCode = streetCode.Child(serial);
                var column = street.Column + (c % 2 * CommunityColumns);
                var row = street.Row + (c / 2 * CommunityRows);
                nodes.Add(Block(communityCode, name, column, row, CommunityColumns, CommunityRows));
                // Unit serials run west → east, then north → south.
                for (var r = 0; r < CommunityRows; r++)
                    for (var k = 0; k < CommunityColumns; k++)
                    {
                        var unitSerial = (r * CommunityColumns) + k + 1;
                        var unit = communityCode.Child(unitSerial);
                        nodes.Add(Block(unit, $"{name}{unitSerial.ToString("000", CultureInfo.InvariantCulture)}号单元网格", column + k, row + r, 1, 1));
                    }
            }
        }
        return nodes;
    }

    /// <summary>
    /// One responsibility grid per community. The demo patrollers walk the community around 象鼻山 (patroller1) and
    /// 南门社区 (patroller2), so that reports elsewhere show the outside-responsibility flag.
    /// </summary>
    public static IReadOnlyList<ResponsibilityGridDefinition> ResponsibilityGrids()
    {
        var patrollers = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["450304001001"] = ["patroller1"],
            ["450304002001"] = ["patroller2"],
        };
        var nodes = Nodes();
        return nodes.Where(n => n.Code.Level == GridLevel.Community)
            .Select(community => new ResponsibilityGridDefinition(
                $"{community.Code}-01",
                $"{community.Name}责任网格",
                nodes.Where(n => n.Code.Level == GridLevel.Unit && n.Code.Parent == community.Code).Select(n => n.Code.Value).ToList(),
                patrollers.GetValueOrDefault(community.Code.Value, [])))
            .ToList();
    }

    private static GridNodeDraft Block(GridCode code, string name, int column, int row, int columns, int rows) =>
        new(code, name,
            GridGeometry.Rectangle(Longitude(column), Latitude(row + rows), Longitude(column + columns), Latitude(row)),
            ValidFrom);
}
