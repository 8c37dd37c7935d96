namespace Volunteering.Domain.LoveBank;

/// <summary>What an <see cref="ExchangeRule"/> converts, in its forward direction.</summary>
public enum ExchangeDirection
{
    /// <summary>Time-bank minutes (the volunteer's member account) become points in a passbook.</summary>
    HoursToPoints = 0,

    /// <summary>Points in a passbook become a cash-equivalent voucher value in fen (the holder's voucher account).</summary>
    PointsToVoucher = 1,
}
