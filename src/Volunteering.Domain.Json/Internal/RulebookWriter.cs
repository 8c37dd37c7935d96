using System.Globalization;
using System.Text.Encodings.Web;
using Volunteering.Domain.LoveBank;

namespace Volunteering.Domain.Json.Internal;

/// <summary>
/// Writes a <see cref="LoveBankRulebook"/> as the JSON that <see cref="RulebookReader"/> reads: every field, in the
/// documented order, defaults included, indented for people to read and edit. Names in the points tables are written in
/// ordinal order so that the same rules always give the same text. It does not check the values:
/// <see cref="RulebookJson.Write"/> reads the result back and refuses what the reader refuses.
/// </summary>
internal static class RulebookWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
        NewLine = "\n",
        MaxDepth = JsonSettings.MaxDepth,
    };

    /// <summary>Writes one rulebook as a document.</summary>
    public static byte[] Write(LoveBankRulebook rulebook) => Document(w => Rulebook(w, rulebook, "$"));

    /// <summary>Writes a history as an array of its versions, oldest first.</summary>
    public static byte[] Write(RulebookHistory history) => Document(w =>
    {
        w.WriteStartArray();
        var i = 0;
        foreach (var version in history.Versions) Rulebook(w, version, string.Create(CultureInfo.InvariantCulture, $"$[{i++}]"));
        w.WriteEndArray();
    });

    private static byte[] Document(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void Rulebook(Utf8JsonWriter w, LoveBankRulebook rulebook, string path)
    {
        if (rulebook is null) throw Refuse(path, "must not be null");
        w.WriteStartObject();
        w.WriteNumber("version", rulebook.Version);
        w.WritePropertyName("effectiveFrom");
        InstantJson.WriteValue(w, rulebook.EffectiveFrom);
        Earning(w, NotNull(rulebook.Earning, path, "earning"), JsonPath.Property(path, "earning"));
        if (rulebook.PointsLifetime is { } lifetime) w.WriteString("pointsLifetime", RulebookReader.LifetimePattern.Format(lifetime));
        else w.WriteNull("pointsLifetime");
        w.WriteNumber("minimumServiceMinutesToRedeem", rulebook.MinimumServiceMinutesToRedeem);
        w.WriteString("reservationHold", RulebookReader.HoldPattern.Format(rulebook.ReservationHold));
        var exchanges = NotNull(rulebook.Exchanges, path, "exchanges");
        w.WriteStartArray("exchanges");
        for (var i = 0; i < exchanges.Count; i++)
        {
            var rule = exchanges[i] ?? throw Refuse(string.Create(CultureInfo.InvariantCulture, $"{path}.exchanges[{i}]"), "must not be null");
            w.WriteStartObject();
            Enum(w, "direction", rule.Direction);
            Rate(w, "rate", rule.Rate);
            Enum(w, "rounding", rule.Rounding);
            w.WriteBoolean("allowReverse", rule.AllowReverse);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        var timeBank = NotNull(rulebook.TimeBank, path, "timeBank");
        w.WriteStartObject("timeBank");
        w.WriteNumber("depositorMinimumAge", timeBank.DepositorMinimumAge);
        w.WriteNumber("redeemerMinimumAge", timeBank.RedeemerMinimumAge);
        if (timeBank.AccountCap is { } cap) w.WriteNumber("accountCapMinutes", cap.Minutes);
        else w.WriteNull("accountCapMinutes");
        Enum(w, "overflow", timeBank.Overflow);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Earning(Utf8JsonWriter w, EarningRules earning, string path)
    {
        w.WriteStartObject("earning");
        Rate(w, "perServiceMinutes", earning.PerServiceMinutes);
        Number(w, "maxServiceMinutesPerActivity", earning.MaxServiceMinutesPerActivity);
        Rate(w, "perDonatedItem", earning.PerDonatedItem);
        Rate(w, "perDonatedFen", earning.PerDonatedFen);
        Table(w, "professionalServicePoints", NotNull(earning.ProfessionalServicePoints, path, "professionalServicePoints"));
        Number(w, "referralPoints", earning.ReferralPoints);
        Table(w, "bonuses", NotNull(earning.Bonuses, path, "bonuses"));
        Number(w, "householdStartingGrant", earning.HouseholdStartingGrant);
        Enum(w, "rounding", earning.Rounding);
        w.WriteEndObject();
    }

    private static void Rate(Utf8JsonWriter w, string name, PointRate? rate)
    {
        if (rate is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("points", rate.Points);
        w.WriteNumber("perUnits", rate.PerUnits);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } number) w.WriteNumber(name, number);
        else w.WriteNull(name);
    }

    private static void Table(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, long> table)
    {
        w.WriteStartObject(name);
        foreach (var (key, points) in table.OrderBy(static p => p.Key, StringComparer.Ordinal)) w.WriteNumber(key, points);
        w.WriteEndObject();
    }

    /// <summary>An enum by name; an undeclared value is written as its number, which the reader then refuses naming the
    /// field.</summary>
    private static void Enum<T>(Utf8JsonWriter w, string name, T value)
        where T : struct, Enum
    {
        if (EnumNames<T>.Instance.TryGetName(value, out var text)) w.WriteString(name, text);
        else w.WriteString(name, Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
    }

    private static T NotNull<T>(T? value, string path, string name)
        where T : class
        => value ?? throw Refuse(JsonPath.Property(path, name), "must not be null");

    private static ArgumentException Refuse(string path, string reason) => new($"The rulebook cannot be written: {path} {reason}.");
}
