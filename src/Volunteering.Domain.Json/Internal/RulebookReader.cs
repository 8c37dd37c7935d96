using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Volunteering.Domain.Activities;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.TimeBank.Policies;

namespace Volunteering.Domain.Json.Internal;

/// <summary>
/// Reads a JSON rulebook (see <c>docs/rulebook.md</c>) into a <see cref="LoveBankRulebook"/>, collecting every problem
/// instead of stopping at the first: each field is checked on its own, an unknown or repeated field is reported at its
/// own path, and nothing is built unless the whole document is valid. Never throws on bad input.
/// </summary>
internal sealed class RulebookReader
{
    /// <summary>The oldest age a time-bank age rule may name.</summary>
    public const int MaxAge = 150;

    /// <summary>The longest points lifetime, in years.</summary>
    public const int MaxLifetimeYears = 100;

    /// <summary>The longest reservation hold.</summary>
    public static readonly Duration MaxReservationHold = Duration.FromDays(365);

    /// <summary>The text form of <see cref="LoveBankRulebook.ReservationHold"/>: total hours, minutes and seconds, with up
    /// to 9 fractional digits (<c>72:00:00</c>, <c>0:30:00</c>, <c>1:00:00.5</c>).</summary>
    public static readonly DurationPattern HoldPattern = DurationPattern.CreateWithInvariantCulture("-H:mm:ss.FFFFFFFFF");

    /// <summary>The text form of <see cref="LoveBankRulebook.PointsLifetime"/>: an ISO-8601 period, normalized.</summary>
    public static readonly PeriodPattern LifetimePattern = PeriodPattern.NormalizingIso;

    public static readonly string[] RulebookFields =
        ["version", "effectiveFrom", "earning", "pointsLifetime", "minimumServiceMinutesToRedeem", "reservationHold", "exchanges", "timeBank"];

    public static readonly string[] EarningFields =
    [
        "perServiceMinutes", "maxServiceMinutesPerActivity", "perDonatedItem", "perDonatedFen", "professionalServicePoints",
        "referralPoints", "bonuses", "householdStartingGrant", "rounding",
    ];

    public static readonly string[] RateFields = ["points", "perUnits"];

    public static readonly string[] ExchangeFields = ["direction", "rate", "rounding", "allowReverse"];

    public static readonly string[] TimeBankFields = ["depositorMinimumAge", "redeemerMinimumAge", "accountCapMinutes", "overflow"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = JsonSettings.MaxDepth,
    };

    private static readonly LocalDate LifetimeReference = new(2000, 1, 1);

    private readonly List<RulebookError> _errors = [];

    private delegate bool Parser<T>(JsonElement value, string path, out T result);

    /// <summary>The problems found so far, in the order found.</summary>
    public IReadOnlyList<RulebookError> Errors => _errors;

    /// <summary>Parses a whole document; null (with the error recorded at <c>$</c>) when it is not JSON.</summary>
    public JsonDocument? Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8Json = utf8Json[3..];
        try
        {
            return JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException ex)
        {
            // System.Text.Json ends its message with a zero-based position and advice meant for programmers; give the
            // position counted from 1, as editors show it, and keep only the description.
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut >= 0) message = message[..cut];
            message = message.Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal).Trim();
            var where = ex.LineNumber is { } line && ex.BytePositionInLine is { } position
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {position + 1}")
                : string.Empty;
            Error(JsonPath.Root, string.Concat("is not valid JSON", where, ": ", message));
            return null;
        }
    }

    /// <summary>Reads one rulebook at <paramref name="path"/>. Also gives its version and effective instant when those
    /// two fields are valid, even if something else is not, so a history can check their order.</summary>
    public LoveBankRulebook? Rulebook(JsonElement element, string path, out int? version, out Instant? effectiveFrom)
    {
        version = null;
        effectiveFrom = null;
        var start = _errors.Count;
        var o = Open(element, path, RulebookFields);
        if (o is null) return null;

        if (Required(o, "version", Int32(1, int.MaxValue), out var v)) version = v;
        if (Required<Instant>(o, "effectiveFrom", InstantValue, out var from)) effectiveFrom = from;
        var earning = Optional(o, "earning", EarningRules.None, Earning);
        var lifetime = OptionalOrNone<Period>(o, "pointsLifetime", Lifetime);
        var minimum = Optional(o, "minimumServiceMinutesToRedeem", 0L, Int64(0, long.MaxValue));
        var hold = Optional(o, "reservationHold", new LoveBankRulebook().ReservationHold, Hold);
        var exchanges = Optional<IReadOnlyList<ExchangeRule>>(o, "exchanges", [], Exchanges);
        var timeBank = Optional(o, "timeBank", new TimeBankSettings(), TimeBank);
        if (_errors.Count > start) return null;

        return Build(path, () => new LoveBankRulebook
        {
            Version = v,
            EffectiveFrom = from,
            Earning = earning,
            PointsLifetime = lifetime,
            MinimumServiceMinutesToRedeem = minimum,
            ReservationHold = hold,
            Exchanges = exchanges,
            TimeBank = timeBank,
        });
    }

    /// <summary>Records a problem.</summary>
    public void Error(string path, string reason) => _errors.Add(new RulebookError(path, reason));

    /// <summary>Makes a value whose parts were all checked; a refusal by the core (which the checks should have
    /// prevented) is reported at <paramref name="path"/> rather than thrown.</summary>
    public T? Build<T>(string path, Func<T> build)
        where T : class
    {
        try
        {
            return build();
        }
        catch (Exception ex) when (ex is ArgumentException or OverflowException or InvalidOperationException)
        {
            Error(path, ex.Message);
            return null;
        }
    }

    private bool Earning(JsonElement element, string path, out EarningRules result)
    {
        result = EarningRules.None;
        var start = _errors.Count;
        var o = Open(element, path, EarningFields);
        if (o is null) return false;

        var perService = OptionalOrNone<PointRate>(o, "perServiceMinutes", Rate(0));
        var maxService = OptionalOrNoneValue(o, "maxServiceMinutesPerActivity", Int64(0, long.MaxValue));
        var perItem = OptionalOrNone<PointRate>(o, "perDonatedItem", Rate(0));
        var perFen = OptionalOrNone<PointRate>(o, "perDonatedFen", Rate(0));
        var professional = Optional<IReadOnlyDictionary<string, long>>(o, "professionalServicePoints", Empty(), PointsTable(ProfessionalServiceKey));
        var referral = OptionalOrNoneValue(o, "referralPoints", Int64(0, long.MaxValue));
        var bonuses = Optional<IReadOnlyDictionary<string, long>>(o, "bonuses", Empty(), PointsTable(BonusName));
        var grant = OptionalOrNoneValue(o, "householdStartingGrant", Int64(0, long.MaxValue));
        var rounding = Optional(o, "rounding", PointsRounding.Down, EnumValue<PointsRounding>);
        if (_errors.Count > start) return false;

        result = new EarningRules
        {
            PerServiceMinutes = perService,
            MaxServiceMinutesPerActivity = maxService,
            PerDonatedItem = perItem,
            PerDonatedFen = perFen,
            ProfessionalServicePoints = professional,
            ReferralPoints = referral,
            Bonuses = bonuses,
            HouseholdStartingGrant = grant,
            Rounding = rounding,
        };
        return true;
    }

    private Parser<PointRate> Rate(long minPoints) => (JsonElement element, string path, out PointRate result) =>
    {
        result = null!;
        var start = _errors.Count;
        var o = Open(element, path, RateFields);
        if (o is null) return false;
        Required(o, "points", Int64(minPoints, long.MaxValue), out var points);
        Required(o, "perUnits", Int64(1, long.MaxValue), out var perUnits);
        if (_errors.Count > start) return false;
        result = Build(path, () => new PointRate(points, perUnits))!;
        return result is not null;
    };

    private bool Exchanges(JsonElement element, string path, out IReadOnlyList<ExchangeRule> result)
    {
        result = [];
        if (element.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"must be an array of exchange rules; got {FieldReader.Describe(element)}");
            return false;
        }

        var start = _errors.Count;
        var rules = new List<ExchangeRule>();
        var seen = new Dictionary<ExchangeDirection, string>();
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            var at = Index(path, i++);
            var o = Open(item, at, ExchangeFields);
            if (o is null) continue;
            var itemStart = _errors.Count;
            if (Required<ExchangeDirection>(o, "direction", EnumValue<ExchangeDirection>, out var direction))
            {
                if (seen.TryGetValue(direction, out var first))
                {
                    Error(o.PathOf("direction"), $"{direction} already has a rule at {first}; a direction may have one rule only (allowReverse opens the other way)");
                }
                else
                {
                    seen.Add(direction, at);
                }
            }

            Required(o, "rate", Rate(1), out var rate);
            var rounding = Optional(o, "rounding", PointsRounding.Down, EnumValue<PointsRounding>);
            var reverse = Optional(o, "allowReverse", false, Boolean);
            if (_errors.Count > itemStart) continue;
            if (Build(at, () => new ExchangeRule(direction, rate) { Rounding = rounding, AllowReverse = reverse }) is { } rule) rules.Add(rule);
        }

        if (_errors.Count > start) return false;
        result = rules;
        return true;
    }

    private bool TimeBank(JsonElement element, string path, out TimeBankSettings result)
    {
        result = null!;
        var start = _errors.Count;
        var o = Open(element, path, TimeBankFields);
        if (o is null) return false;

        var defaults = new TimeBankSettings();
        var depositor = Optional(o, "depositorMinimumAge", defaults.DepositorMinimumAge, Int32(0, MaxAge));
        var redeemer = Optional(o, "redeemerMinimumAge", defaults.RedeemerMinimumAge, Int32(0, MaxAge));
        TimeCredit? cap = defaults.AccountCap;
        if (o.TryGet("accountCapMinutes", out var capValue))
        {
            // Absent: the default cap; null: no cap at all.
            cap = capValue.ValueKind == JsonValueKind.Null
                ? null
                : Int64(0, long.MaxValue)(capValue, o.PathOf("accountCapMinutes"), out var minutes) ? TimeCredit.FromMinutes(minutes) : null;
        }

        var overflow = Optional(o, "overflow", defaults.Overflow, EnumValue<CapOverflow>);
        if (_errors.Count > start) return false;
        result = Build(path, () => new TimeBankSettings { DepositorMinimumAge = depositor, RedeemerMinimumAge = redeemer, AccountCap = cap, Overflow = overflow })!;
        return result is not null;
    }

    private bool Lifetime(JsonElement element, string path, out Period result)
    {
        result = Period.Zero;
        if (!TryText(element, path, out var text)) return false;
        var parsed = text is null ? null : LifetimePattern.Parse(text);
        if (parsed is null || !parsed.Success)
        {
            Error(path, $"must be an ISO-8601 period such as \"P3Y\" (3 years), \"P18M\" or \"P1Y6M\", or null for points that never expire; got {FieldReader.Describe(element)}");
            return false;
        }

        Period period;
        try
        {
            period = parsed.Value.Normalize();
        }
        catch (OverflowException)
        {
            Error(path, $"must be at most {MaxLifetimeYears} years; got {FieldReader.Describe(element)}");
            return false;
        }

        if (period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0 || period.Hours < 0 || period.Minutes < 0
            || period.Seconds < 0 || period.Milliseconds < 0 || period.Ticks < 0 || period.Nanoseconds < 0)
        {
            Error(path, $"must not have a negative part; got {FieldReader.Describe(element)}");
            return false;
        }

        if (period.Equals(Period.Zero))
        {
            Error(path, "must be longer than zero; use null (or leave the field out) for points that never expire");
            return false;
        }

        if (!WithinYears(period, MaxLifetimeYears))
        {
            Error(path, $"must be at most {MaxLifetimeYears} years; got {FieldReader.Describe(element)}");
            return false;
        }

        result = period;
        return true;
    }

    private static bool WithinYears(Period period, int years)
    {
        try
        {
            var start = LifetimeReference.AtMidnight();
            return start.Plus(period) <= start.PlusYears(years);
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentException)
        {
            return false;
        }
    }

    private bool Hold(JsonElement element, string path, out Duration result)
    {
        result = Duration.Zero;
        if (!TryText(element, path, out var text)) return false;
        var parsed = text is null ? null : HoldPattern.Parse(text);
        if (parsed is null || !parsed.Success)
        {
            Error(path, $"must be a duration in hours, minutes and seconds such as \"72:00:00\" (3 days) or \"0:30:00\"; got {FieldReader.Describe(element)}");
            return false;
        }

        if (parsed.Value <= Duration.Zero || parsed.Value > MaxReservationHold)
        {
            Error(path, $"must be more than zero and at most {HoldPattern.Format(MaxReservationHold)} (365 days); got {FieldReader.Describe(element)}");
            return false;
        }

        result = parsed.Value;
        return true;
    }

    private Parser<IReadOnlyDictionary<string, long>> PointsTable(Func<string, string?> checkKey)
        => (JsonElement element, string path, out IReadOnlyDictionary<string, long> result) =>
        {
            result = Empty();
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, $"must be an object of names and whole points; got {FieldReader.Describe(element)}");
                return false;
            }

            var start = _errors.Count;
            var table = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (!TryName(property, path, out var name)) continue;
                var at = JsonPath.Property(path, name);
                if (checkKey(name) is { } problem)
                {
                    Error(at, problem);
                    continue;
                }

                if (table.ContainsKey(name))
                {
                    Error(at, "appears more than once");
                    continue;
                }

                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    Error(at, "must not be null (leave the name out to earn nothing)");
                    continue;
                }

                if (Int64(0, long.MaxValue)(property.Value, at, out var points)) table.Add(name, points);
            }

            if (_errors.Count > start) return false;
            result = table;
            return true;
        };

    private static string? ProfessionalServiceKey(string name) => ServiceCategory.IsValid(name)
        ? null
        : $"is not a service category code: 1 to {ServiceCategory.MaxLength} characters of a-z, 0-9 and '-' (such as \"haircut\" or \"legal-aid\")";

    private static string? BonusName(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "a bonus name must not be empty or white space";
        return name.Trim().Length != name.Length ? "a bonus name must not start or end with white space" : null;
    }

    private static Dictionary<string, long> Empty() => new Dictionary<string, long>(StringComparer.Ordinal);

    // ------------------------------------------------------------------ fields

    private sealed class FieldSet(string path, Dictionary<string, JsonElement> values)
    {
        public string Path { get; } = path;

        public string PathOf(string name) => JsonPath.Property(Path, name);

        public bool TryGet(string name, out JsonElement value) => values.TryGetValue(name, out value);
    }

    /// <summary>The fields of an object, with unknown and repeated names reported; null (reported) when the value is
    /// not an object.</summary>
    private FieldSet? Open(JsonElement element, string path, string[] fields)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"must be an object; got {FieldReader.Describe(element)}");
            return null;
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!TryName(property, path, out var name)) continue;
            var at = JsonPath.Property(path, name);
            if (Array.IndexOf(fields, name) < 0)
            {
                Error(at, Nearest(name, fields) is { } near
                    ? $"is not a field here; did you mean {near}?"
                    : $"is not a field here; the fields are {string.Join(", ", fields)}");
                continue;
            }

            if (!values.TryAdd(name, property.Value)) Error(at, "appears more than once");
        }

        return new FieldSet(path, values);
    }

    /// <summary>The field an unknown name was probably meant to be: the same ignoring case, or at most two edits
    /// away (a typo); null when none is that close.</summary>
    internal static string? Nearest(string name, string[] fields)
    {
        if (name.Length > 64) return null;
        string? best = null;
        var bestDistance = 3;
        foreach (var field in fields)
        {
            var distance = string.Equals(field, name, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance(name, field);
            if (distance < bestDistance)
            {
                best = field;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The Levenshtein distance between two short strings.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private bool TryName(JsonProperty property, string path, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            Error(path, "a property name is not valid text (invalid UTF-8 or an unpaired surrogate escape)");
            name = string.Empty;
            return false;
        }
    }

    private bool Required<T>(FieldSet o, string name, Parser<T> parse, out T value)
    {
        value = default!;
        if (!o.TryGet(name, out var element))
        {
            Error(o.PathOf(name), "is required");
            return false;
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            Error(o.PathOf(name), "must not be null");
            return false;
        }

        return parse(element, o.PathOf(name), out value);
    }

    /// <summary>A field with a default: absent gives <paramref name="fallback"/>; null is refused.</summary>
    private T Optional<T>(FieldSet o, string name, T fallback, Parser<T> parse)
    {
        if (!o.TryGet(name, out var element)) return fallback;
        if (element.ValueKind == JsonValueKind.Null)
        {
            Error(o.PathOf(name), "must not be null (leave the field out for the default)");
            return fallback;
        }

        return parse(element, o.PathOf(name), out var value) ? value : fallback;
    }

    /// <summary>A field whose absence and null both mean none.</summary>
    private static T? OptionalOrNone<T>(FieldSet o, string name, Parser<T> parse)
        where T : class
        => o.TryGet(name, out var element) && element.ValueKind != JsonValueKind.Null && parse(element, o.PathOf(name), out var value) ? value : null;

    /// <summary>A field whose absence and null both mean none.</summary>
    private static T? OptionalOrNoneValue<T>(FieldSet o, string name, Parser<T> parse)
        where T : struct
        => o.TryGet(name, out var element) && element.ValueKind != JsonValueKind.Null && parse(element, o.PathOf(name), out var value) ? value : null;

    // ------------------------------------------------------------------ values

    private Parser<long> Int64(long min, long max) => (JsonElement element, string path, out long result) =>
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out result) && IsPlainInteger(element) && result >= min && result <= max) return true;
        result = 0;
        Error(path, string.Concat(Range(min, max), "; got ", FieldReader.Describe(element)));
        return false;
    };

    private Parser<int> Int32(int min, int max) => (JsonElement element, string path, out int result) =>
    {
        result = 0;
        if (!Int64(min, max)(element, path, out var value)) return false;
        result = (int)value;
        return true;
    };

    private static string Range(long min, long max) => max == long.MaxValue || max == int.MaxValue
        ? string.Create(CultureInfo.InvariantCulture, $"must be a whole number, {min} or more")
        : string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}");

    private bool Boolean(JsonElement element, string path, out bool result)
    {
        result = element.ValueKind == JsonValueKind.True;
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False) return true;
        Error(path, $"must be true or false; got {FieldReader.Describe(element)}");
        return false;
    }

    private bool InstantValue(JsonElement element, string path, out Instant result)
    {
        result = default;
        if (!TryText(element, path, out var text)) return false;
        var parsed = text is null ? null : InstantPattern.ExtendedIso.Parse(text);
        if (parsed is { Success: true })
        {
            result = parsed.Value;
            return true;
        }

        Error(path, $"must be an instant in UTC such as \"2026-01-01T00:00:00Z\"; got {FieldReader.Describe(element)}");
        return false;
    }

    private bool EnumValue<T>(JsonElement element, string path, out T result)
        where T : struct, Enum
    {
        result = default;
        if (!TryText(element, path, out var text)) return false;
        if (text is not null && EnumNames<T>.Instance.TryParse(text, out result)) return true;
        Error(path, $"must be a {EnumNames<T>.TypeName} name, one of {EnumNames<T>.Instance.NameList}; got {FieldReader.Describe(element)}");
        return false;
    }

    /// <summary>The text of a string value; null text (and true) when the value is not a string, so the caller reports
    /// its own expectation; false (reported) when the string is not valid text.</summary>
    private bool TryText(JsonElement element, string path, out string? text)
    {
        text = null;
        if (element.ValueKind != JsonValueKind.String) return true;
        try
        {
            text = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            Error(path, "is not valid text (invalid UTF-8 or an unpaired surrogate escape)");
            return false;
        }
    }

    private static bool IsPlainInteger(JsonElement value)
    {
        var raw = value.GetRawText();
        return !raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('e', StringComparison.OrdinalIgnoreCase);
    }

    private static string Index(string path, int i) => string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
}
