using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>
/// The terms of an aid programme, fixed when it is established: its name and kind, who is eligible, the benefit
/// standard, the budget period, the per-beneficiary cap per period, the once-per-cause-per-year rule, the public
/// notice's length and the limit of urgent aid. Two terms are equal when every field is.
/// </summary>
public sealed class ProgrammeTerms : IEquatable<ProgrammeTerms>
{
    /// <summary>The default number of days a public notice runs.</summary>
    public const int DefaultNoticeDays = 7;

    /// <summary>The longest notice, in days.</summary>
    public const int MaxNoticeDays = 90;

    private readonly DateTimeZone _timeZone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private readonly AidPeriodUnit _periodUnit = AidPeriodUnit.Year;
    private readonly IReadOnlyList<HardshipCategory> _eligibleCategories = [];
    private readonly Money? _beneficiaryCap;
    private readonly int _noticeDays = DefaultNoticeDays;
    private readonly Money _urgentLimit;

    /// <summary>Describes a programme.</summary>
    /// <param name="name">Its name; not blank, kept trimmed.</param>
    /// <param name="kind">What it is for.</param>
    /// <param name="standard">The benefit standard per instalment.</param>
    /// <param name="eligibleKinds">Which kinds of beneficiary may apply; at least one, kept distinct in declaration
    /// order.</param>
    /// <exception cref="ArgumentException">The name is blank or no kind is eligible.</exception>
    /// <exception cref="ArgumentNullException">The standard or the kinds are null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A kind is undefined.</exception>
    public ProgrammeTerms(string name, ProgrammeKind kind, BenefitStandard standard, IReadOnlyList<BeneficiaryKind> eligibleKinds)
    {
        Name = Guard.Against.NullOrWhiteSpace(name).Trim();
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined programme kind.");
        Kind = kind;
        Standard = Guard.Against.Null(standard);
        Guard.Against.Null(eligibleKinds);
        foreach (var k in eligibleKinds)
        {
            if (!Enum.IsDefined(k)) throw new ArgumentOutOfRangeException(nameof(eligibleKinds), k, "Not a defined beneficiary kind.");
        }

        EligibleKinds = [.. eligibleKinds.Distinct().Order()];
        if (EligibleKinds.Count == 0) throw new ArgumentException("At least one kind of beneficiary must be eligible.", nameof(eligibleKinds));
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The kind.</summary>
    public ProgrammeKind Kind { get; }

    /// <summary>The benefit standard per instalment.</summary>
    public BenefitStandard Standard { get; }

    /// <summary>The kinds of beneficiary that may apply, distinct, in declaration order.</summary>
    public IReadOnlyList<BeneficiaryKind> EligibleKinds { get; }

    /// <summary>The hardship categories that may apply, distinct, in declaration order; empty (the default) for any.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A category is undefined.</exception>
    public IReadOnlyList<HardshipCategory> EligibleCategories
    {
        get => _eligibleCategories;
        init
        {
            Guard.Against.Null(value);
            foreach (var c in value)
            {
                if (!Enum.IsDefined(c)) throw new ArgumentOutOfRangeException(nameof(value), c, "Not a defined hardship category.");
            }

            _eligibleCategories = [.. value.Distinct().Order()];
        }
    }

    /// <summary>The programme's time zone, in which dates (due dates, notice days, periods, years) are reckoned; a TZDB
    /// zone, Asia/Shanghai by default.</summary>
    /// <exception cref="ArgumentException">Set to a zone that is not a TZDB zone.</exception>
    public DateTimeZone TimeZone
    {
        get => _timeZone;
        init
        {
            Guard.Against.Null(value);
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(value.Id) is null) throw new ArgumentException($"The time zone {value.Id} is not a TZDB zone.", nameof(value));
            _timeZone = value;
        }
    }

    /// <summary>The length of budget periods; a year by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to an undefined unit.</exception>
    public AidPeriodUnit PeriodUnit
    {
        get => _periodUnit;
        init => _periodUnit = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a defined period unit.");
    }

    /// <summary>The most one beneficiary may be approved per budget period (instalments counted in the period they
    /// fall due), or null (the default) for no cap.</summary>
    /// <exception cref="ArgumentException">Set to an amount that is not CNY.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Set to an amount that is not positive.</exception>
    public Money? BeneficiaryCapPerPeriod
    {
        get => _beneficiaryCap;
        init => _beneficiaryCap = value is { } cap ? AidAmounts.Positive(cap, nameof(value)) : null;
    }

    /// <summary>When true, a beneficiary is approved aid for one cause at most once per calendar year (the year of the
    /// approval, in the programme's zone). False by default.</summary>
    public bool OncePerCausePerYear { get; init; }

    /// <summary>How many days the public notice (公示) runs, counting the day it is published: objections are taken
    /// on those days and the decision comes after them. 1 to <see cref="MaxNoticeDays"/>; 7 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1 to <see cref="MaxNoticeDays"/>.</exception>
    public int NoticeDays
    {
        get => _noticeDays;
        init => _noticeDays = Guard.Against.OutOfRange(value, nameof(value), 1, MaxNoticeDays);
    }

    /// <summary>The most one urgent grant (paid first, documented after) may be; zero (the default) for a programme
    /// that pays no urgent aid.</summary>
    /// <exception cref="ArgumentException">Set to an amount that is not CNY.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative amount.</exception>
    public Money UrgentLimit
    {
        get => _urgentLimit;
        init => _urgentLimit = AidAmounts.NotNegative(value, nameof(value));
    }

    /// <summary>True when <paramref name="beneficiary"/>'s kind, and category if the programme limits categories, are
    /// eligible.</summary>
    /// <param name="beneficiary">The beneficiary.</param>
    public bool IsEligible(AidBeneficiary beneficiary)
    {
        Guard.Against.Null(beneficiary);
        return EligibleKinds.Contains(beneficiary.Kind) && (EligibleCategories.Count == 0 || EligibleCategories.Contains(beneficiary.Category));
    }

    /// <summary>The budget period a date falls in: the calendar month, quarter or year that contains it.</summary>
    /// <param name="date">The date.</param>
    public DateInterval PeriodContaining(LocalDate date)
    {
        var start = PeriodUnit switch
        {
            AidPeriodUnit.Month => new LocalDate(date.Year, date.Month, 1),
            AidPeriodUnit.Quarter => new LocalDate(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1),
            _ => new LocalDate(date.Year, 1, 1),
        };
        var next = PeriodUnit switch
        {
            AidPeriodUnit.Month => start.PlusMonths(1),
            AidPeriodUnit.Quarter => start.PlusMonths(3),
            _ => start.PlusYears(1),
        };
        return new DateInterval(start, next.PlusDays(-1));
    }

    /// <summary>The date of an instant in the programme's zone.</summary>
    /// <param name="instant">The instant.</param>
    public LocalDate DateOf(Instant instant) => instant.InZone(TimeZone).Date;

    /// <inheritdoc />
    public bool Equals(ProgrammeTerms? other)
        => other is not null
           && string.Equals(Name, other.Name, StringComparison.Ordinal) && Kind == other.Kind && Standard == other.Standard
           && EligibleKinds.SequenceEqual(other.EligibleKinds) && EligibleCategories.SequenceEqual(other.EligibleCategories)
           && string.Equals(TimeZone.Id, other.TimeZone.Id, StringComparison.Ordinal) && PeriodUnit == other.PeriodUnit
           && BeneficiaryCapPerPeriod == other.BeneficiaryCapPerPeriod && OncePerCausePerYear == other.OncePerCausePerYear
           && NoticeDays == other.NoticeDays && UrgentLimit == other.UrgentLimit;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ProgrammeTerms);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Kind, Standard, PeriodUnit, NoticeDays, UrgentLimit);
}
