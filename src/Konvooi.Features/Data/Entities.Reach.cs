namespace Konvooi.Features.Data;

/// <summary>Where a figure table came from.</summary>
public enum FigureTableSource
{
    /// <summary>A CSV upload by an analyst (small-area estimates such as RIVM/CBS "Gezondheid in wijken").</summary>
    Import,

    /// <summary>Written from a saved monitor analysis (docs/reach.md, "The seam for the monitor").</summary>
    MonitorAnalysis,
}

/// <summary>
/// A coalition's table of survey figures per wijk (docs/reach.md). No person data: every analyst and coordinator of
/// the coalition may read it through the reach report; the handlers scope it to the actor's coalition.
/// </summary>
public sealed class ReachFigureTable
{
    public Guid Id { get; set; }
    public Guid CoalitionId { get; set; }
    public required string Name { get; set; }
    public FigureTableSource Source { get; set; }
    /// <summary>For <see cref="FigureTableSource.MonitorAnalysis"/>: the saved analysis it came from.</summary>
    public string? SourceReference { get; set; }
    public Guid CreatedById { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<ReachFigureRow> Rows { get; set; } = [];
}

/// <summary>One figure: the percentage of residents of a wijk with an indicator, with its 95 % interval.</summary>
public sealed class ReachFigureRow
{
    public Guid Id { get; set; }
    public Guid TableId { get; set; }
    public required string WijkCode { get; set; }
    public required string Indicator { get; set; }
    public double Estimate { get; set; }
    public double CiLow { get; set; }
    public double CiHigh { get; set; }
}

/// <summary>A coalition's table of residents per wijk and age group (docs/reach.md).</summary>
public sealed class ReachPopulationTable
{
    public Guid Id { get; set; }
    public Guid CoalitionId { get; set; }
    public required string Name { get; set; }
    public Guid CreatedById { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<ReachPopulationRow> Rows { get; set; } = [];
}

/// <summary>The number of residents of one wijk in one age group (<c>totaal</c> for all ages).</summary>
public sealed class ReachPopulationRow
{
    public Guid Id { get; set; }
    public Guid TableId { get; set; }
    public required string WijkCode { get; set; }
    public required string AgeGroup { get; set; }
    public int Residents { get; set; }
}
