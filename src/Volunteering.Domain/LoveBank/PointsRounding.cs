namespace Volunteering.Domain.LoveBank;

/// <summary>How a conversion into whole points (or whole fen) rounds a fractional result. No rule ever creates a
/// fraction of a point: the ledger holds whole points only.</summary>
public enum PointsRounding
{
    /// <summary>Toward zero: 1.9 points give 1. "Whole points only", the most common rule, and the default.</summary>
    Down = 0,

    /// <summary>To the nearest whole point, halves away from zero: 1.5 give 2, 1.49 give 1.</summary>
    HalfUp = 1,

    /// <summary>Away from zero: 1.1 points give 2.</summary>
    Up = 2,
}
