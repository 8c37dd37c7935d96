namespace Volunteering.Domain.Ledger;

/// <summary>
/// The kind of value an account holds. Every account holds exactly one asset, and a transfer moves value only
/// between two accounts of the same asset: per asset, the balances of all accounts sum to zero. Conversions
/// between assets (hours to points, say) are two linked transfers through exchange accounts, one per asset.
/// </summary>
/// <remarks>Amounts of every asset are whole numbers in the asset's smallest unit (minutes, points, fen).</remarks>
public readonly struct Asset : IEquatable<Asset>
{
    /// <summary>Creates an asset from its numeric code.</summary>
    /// <param name="code">A positive code; codes 1–99 are reserved for the assets this library defines.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is zero or negative.</exception>
    public Asset(int code)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(code);
        Code = code;
    }

    /// <summary>Time-bank credit (时间银行), in whole minutes.</summary>
    public static Asset TimeCredit { get; } = new(1);

    /// <summary>Love-bank points (爱心积分), in whole points.</summary>
    public static Asset Points { get; } = new(2);

    /// <summary>Money in Chinese yuan, in whole fen (分). The code is ISO 4217's numeric code for CNY.</summary>
    public static Asset MoneyCny { get; } = new(156);

    /// <summary>The numeric code; zero only for the default value, which no account accepts.</summary>
    public int Code { get; }

    /// <summary>True for the default value, which is not a valid asset.</summary>
    public bool IsDefault => Code == 0;

    /// <inheritdoc />
    public bool Equals(Asset other) => Code == other.Code;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Asset other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Code;

    /// <summary>A readable name for the well-known assets, otherwise "asset:{code}".</summary>
    public override string ToString() => Code switch
    {
        1 => "time-credit",
        2 => "points",
        156 => "money-cny",
        _ => "asset:" + Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Equality of codes.</summary>
    public static bool operator ==(Asset left, Asset right) => left.Equals(right);

    /// <summary>Inequality of codes.</summary>
    public static bool operator !=(Asset left, Asset right) => !left.Equals(right);
}
