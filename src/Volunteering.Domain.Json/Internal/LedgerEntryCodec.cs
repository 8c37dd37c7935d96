using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Json.Internal;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Json.Internal;

/// <summary>
/// The <c>ledger.entry</c> schema, version 1: one <see cref="LedgerEvent"/> as a flat JSON object, read and written by
/// hand with <see cref="Utf8JsonReader"/> and <see cref="Utf8JsonWriter"/> (no reflection, no intermediate objects).
/// </summary>
/// <remarks>
/// <para>Every field is optional with a default except the ones the entry's kind requires (see
/// <see cref="RequiredFields"/>). The writer writes the required fields always and every other field only when it
/// differs from its default; the reader fills absent fields with their defaults. So a record that omits an optional
/// field still reads, and adding an optional field later (with a new schema version) leaves old records readable.</para>
/// <para>The reader refuses anything else: unknown or repeated fields, wrong JSON types, numbers out of range, unknown
/// enum names, empty required ids, over-long memos. The writer refuses (with <see cref="ArgumentException"/>) any
/// value the reader would refuse, so whatever is written reads back equal.</para>
/// </remarks>
internal static class LedgerEntryCodec
{
    /// <summary>The stable type name.</summary>
    public const string TypeName = "ledger.entry";

    /// <summary>The schema version this codec reads and writes.</summary>
    public const int Version = 1;

    /// <summary>The longest memo, in UTF-16 code units: the core's <see cref="TransferRequest.MaxMemoLength"/>.</summary>
    public const int MaxMemoLength = TransferRequest.MaxMemoLength;

    private const string Context = "ledger.entry v1";
    private const int FieldCount = 23;

    private const uint Common = (1u << (int)Field.Position) | (1u << (int)Field.Kind) | (1u << (int)Field.Timestamp);

    private const uint AccountEventFields = Common | (1u << (int)Field.AccountId) | (1u << (int)Field.AccountVersion) | (1u << (int)Field.Asset);

    private const uint MovementFields = Common | (1u << (int)Field.TransferId) | (1u << (int)Field.TransferKind)
        | (1u << (int)Field.DebitAccountId) | (1u << (int)Field.CreditAccountId) | (1u << (int)Field.Asset) | (1u << (int)Field.Amount)
        | (1u << (int)Field.DebitAccountVersion) | (1u << (int)Field.DebitAccountBalance)
        | (1u << (int)Field.CreditAccountVersion) | (1u << (int)Field.CreditAccountBalance);

    private const uint RelatedMovementFields = MovementFields | (1u << (int)Field.RelatedTransferId);

    private const uint RejectionFields = Common | (1u << (int)Field.TransferId) | (1u << (int)Field.TransferKind) | (1u << (int)Field.Rejection);

    private static readonly string[] Names =
    [
        "position", "kind", "timestamp", "accountId", "accountVersion", "ownerId", "asset", "floor", "ceiling",
        "transferId", "transferKind", "relatedTransferId", "debitAccountId", "creditAccountId", "amount", "code", "memo",
        "expiresAt", "rejection", "debitAccountVersion", "debitAccountBalance", "creditAccountVersion", "creditAccountBalance",
    ];

    private static readonly JsonEncodedText[] EncodedNames = Array.ConvertAll(Names, static n => JsonEncodedText.Encode(n));
    private static readonly byte[][] Utf8Names = Array.ConvertAll(Names, static n => Encoding.UTF8.GetBytes(n));

    /// <summary>The fields, in the order they are written.</summary>
    internal enum Field
    {
        Position,
        Kind,
        Timestamp,
        AccountId,
        AccountVersion,
        OwnerId,
        Asset,
        Floor,
        Ceiling,
        TransferId,
        TransferKind,
        RelatedTransferId,
        DebitAccountId,
        CreditAccountId,
        Amount,
        Code,
        Memo,
        ExpiresAt,
        Rejection,
        DebitAccountVersion,
        DebitAccountBalance,
        CreditAccountVersion,
        CreditAccountBalance,
    }

    /// <summary>The JSON name of a field.</summary>
    internal static string NameOf(Field field) => Names[(int)field];

    /// <summary>The fields a record of <paramref name="kind"/> must have (as a bit set over <see cref="Field"/>):
    /// position, kind and timestamp always; the account, version and asset for account events; the transfer, its kind,
    /// both accounts with their versions and balances, the asset and the amount for movements (and the related transfer
    /// for posts and voids of pending transfers, expiries and reversals); the transfer, its kind and the rejection for
    /// <see cref="LedgerEventKind.TransferRejected"/>.</summary>
    internal static uint RequiredFields(LedgerEventKind kind) => kind switch
    {
        LedgerEventKind.AccountOpened or LedgerEventKind.AccountFrozen or LedgerEventKind.AccountUnfrozen
            or LedgerEventKind.AccountClosed or LedgerEventKind.AccountLimitsChanged => AccountEventFields,
        LedgerEventKind.TransferPosted or LedgerEventKind.PendingCreated => MovementFields,
        LedgerEventKind.PendingPosted or LedgerEventKind.PendingVoided or LedgerEventKind.PendingExpired
            or LedgerEventKind.TransferReversed => RelatedMovementFields,
        LedgerEventKind.TransferRejected => RejectionFields,
        _ => Common,
    };

    // ------------------------------------------------------------------------------------------------------------
    // Writing
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Writes the entry as a JSON object.</summary>
    /// <exception cref="ArgumentException">The entry is not one a reader would accept (see <see cref="FindProblem"/>).</exception>
    public static void Write(Utf8JsonWriter writer, in LedgerEvent entry)
    {
        ref readonly var e = ref entry;
        if (FindProblem(e) is { } problem)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{Context}: the entry at position {e.Position} cannot be stored: {NameOf(problem.Field)} {problem.Message}"),
                nameof(entry));
        }

        var required = RequiredFields(e.Kind);
        writer.WriteStartObject();
        writer.WriteNumber(EncodedNames[(int)Field.Position], e.Position);
        EnumNames<LedgerEventKind>.Instance.TryGetName(e.Kind, out var kindName);
        writer.WriteString(EncodedNames[(int)Field.Kind], kindName);
        InstantJson.Write(writer, EncodedNames[(int)Field.Timestamp], e.Timestamp);
        WriteGuid(writer, Field.AccountId, e.AccountId.Value, required);
        WriteInt64(writer, Field.AccountVersion, e.AccountVersion, required);
        WriteGuid(writer, Field.OwnerId, e.OwnerId, required);
        if (Has(required, Field.Asset) || !e.Asset.IsDefault) writer.WriteNumber(EncodedNames[(int)Field.Asset], e.Asset.Code);
        if (e.Floor is { } floor) writer.WriteNumber(EncodedNames[(int)Field.Floor], floor);
        if (e.Ceiling is { } ceiling) writer.WriteNumber(EncodedNames[(int)Field.Ceiling], ceiling);
        WriteGuid(writer, Field.TransferId, e.TransferId.Value, required);
        if (Has(required, Field.TransferKind) || e.TransferKind != TransferKind.None)
        {
            EnumNames<TransferKind>.Instance.TryGetName(e.TransferKind, out var transferKindName);
            writer.WriteString(EncodedNames[(int)Field.TransferKind], transferKindName);
        }

        WriteGuid(writer, Field.RelatedTransferId, e.RelatedTransferId.Value, required);
        WriteGuid(writer, Field.DebitAccountId, e.DebitAccountId.Value, required);
        WriteGuid(writer, Field.CreditAccountId, e.CreditAccountId.Value, required);
        WriteInt64(writer, Field.Amount, e.Amount, required);
        if (e.Code != 0) writer.WriteNumber(EncodedNames[(int)Field.Code], e.Code);
        if (e.Memo is { } memo) writer.WriteString(EncodedNames[(int)Field.Memo], memo);
        if (e.ExpiresAt is { } expiresAt) InstantJson.Write(writer, EncodedNames[(int)Field.ExpiresAt], expiresAt);
        if (Has(required, Field.Rejection) || e.Rejection != TransferResult.Ok)
        {
            EnumNames<TransferResult>.Instance.TryGetName(e.Rejection, out var rejectionName);
            writer.WriteString(EncodedNames[(int)Field.Rejection], rejectionName);
        }

        WriteInt64(writer, Field.DebitAccountVersion, e.DebitAccountVersion, required);
        WriteInt64(writer, Field.DebitAccountBalance, e.DebitAccountBalance, required);
        WriteInt64(writer, Field.CreditAccountVersion, e.CreditAccountVersion, required);
        WriteInt64(writer, Field.CreditAccountBalance, e.CreditAccountBalance, required);
        writer.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteGuid(Utf8JsonWriter writer, Field field, Guid value, uint required)
    {
        if (value != Guid.Empty || Has(required, field)) writer.WriteString(EncodedNames[(int)field], value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteInt64(Utf8JsonWriter writer, Field field, long value, uint required)
    {
        if (value != 0 || Has(required, field)) writer.WriteNumber(EncodedNames[(int)field], value);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Reading
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Reads an entry from the object the reader is on (its <see cref="JsonTokenType.StartObject"/>), through
    /// its end. Builds the entry only once every field has been read and checked.</summary>
    /// <param name="reader">The reader, on the object's start.</param>
    /// <param name="path">The object's JSON path, for messages: <c>$</c>, or <c>$.data</c> in an envelope.</param>
    /// <exception cref="Storage.RecordFormatException">Anything is wrong; the path names the field.</exception>
    public static LedgerEvent Read(ref Utf8JsonReader reader, string path)
    {
        long position = 0, accountVersion = 0, amount = 0;
        long debitVersion = 0, debitBalance = 0, creditVersion = 0, creditBalance = 0;
        long? floor = null, ceiling = null;
        Guid accountId = default, ownerId = default, transferId = default, relatedTransferId = default;
        Guid debitAccountId = default, creditAccountId = default;
        var kind = LedgerEventKind.None;
        var transferKind = TransferKind.None;
        var rejection = TransferResult.Ok;
        Instant timestamp = default;
        Instant? expiresAt = null;
        var asset = 0;
        var code = 0;
        string? memo = null;

        uint seen = 0;
        var hint = 0;
        var current = -1;
        try
        {
            while (true)
            {
                current = -1;
                if (!reader.Read()) RecordErrors.Throw(Context, path, "the object is not closed");
                if (reader.TokenType == JsonTokenType.EndObject) break;

                var index = Match(ref reader, hint);
                if (index < 0)
                {
                    RecordErrors.Throw(Context, JsonPath.Property(path, ref reader),
                        "is not a field of this schema; the fields are " + string.Join(", ", Names));
                }

                var field = (Field)index;
                if (Has(seen, field)) RecordErrors.Throw(Context, FieldPath(path, field), $"{NameOf(field)} appears more than once");
                seen |= Bit(field);
                hint = index + 1;
                current = index;
                reader.Read();

                switch (field)
                {
                    case Field.Position: position = ReadInt64(ref reader, path, field, 1); break;
                    case Field.Kind: kind = ReadEnum<LedgerEventKind>(ref reader, path, field); break;
                    case Field.Timestamp: timestamp = ReadInstant(ref reader, path, field); break;
                    case Field.AccountId: accountId = ReadGuid(ref reader, path, field); break;
                    case Field.AccountVersion: accountVersion = ReadInt64(ref reader, path, field, 0); break;
                    case Field.OwnerId: ownerId = ReadGuid(ref reader, path, field); break;
                    case Field.Asset: asset = ReadAssetCode(ref reader, path); break;
                    case Field.Floor: floor = ReadNullableInt64(ref reader, path, field); break;
                    case Field.Ceiling: ceiling = ReadNullableInt64(ref reader, path, field); break;
                    case Field.TransferId: transferId = ReadGuid(ref reader, path, field); break;
                    case Field.TransferKind: transferKind = ReadEnum<TransferKind>(ref reader, path, field); break;
                    case Field.RelatedTransferId: relatedTransferId = ReadGuid(ref reader, path, field); break;
                    case Field.DebitAccountId: debitAccountId = ReadGuid(ref reader, path, field); break;
                    case Field.CreditAccountId: creditAccountId = ReadGuid(ref reader, path, field); break;
                    case Field.Amount: amount = ReadInt64(ref reader, path, field, 0); break;
                    case Field.Code: code = ReadInt32(ref reader, path, field); break;
                    case Field.Memo: memo = ReadMemo(ref reader, path); break;
                    case Field.ExpiresAt:
                        expiresAt = reader.TokenType == JsonTokenType.Null ? null : ReadInstant(ref reader, path, field);
                        break;
                    case Field.Rejection: rejection = ReadEnum<TransferResult>(ref reader, path, field); break;
                    case Field.DebitAccountVersion: debitVersion = ReadInt64(ref reader, path, field, 0); break;
                    case Field.DebitAccountBalance: debitBalance = ReadInt64(ref reader, path, field, long.MinValue); break;
                    case Field.CreditAccountVersion: creditVersion = ReadInt64(ref reader, path, field, 0); break;
                    default: creditBalance = ReadInt64(ref reader, path, field, long.MinValue); break;
                }
            }
        }
        catch (JsonException ex)
        {
            var at = current < 0 ? path : FieldPath(path, (Field)current);
            throw RecordErrors.Create(Context, at, "the JSON is malformed: " + ex.Message, ex);
        }

        if (!Has(seen, Field.Kind)) RecordErrors.Throw(Context, FieldPath(path, Field.Kind), "kind is required");
        var missing = RequiredFields(kind) & ~seen;
        if (missing != 0)
        {
            var field = (Field)System.Numerics.BitOperations.TrailingZeroCount(missing);
            RecordErrors.Throw(Context, FieldPath(path, field), $"{NameOf(field)} is required for kind {kind}");
        }

        var entry = new LedgerEvent
        {
            Position = position,
            Kind = kind,
            Timestamp = timestamp,
            AccountId = new AccountId(accountId),
            AccountVersion = accountVersion,
            OwnerId = ownerId,
            Floor = floor,
            Ceiling = ceiling,
            TransferId = new TransferId(transferId),
            TransferKind = transferKind,
            RelatedTransferId = new TransferId(relatedTransferId),
            DebitAccountId = new AccountId(debitAccountId),
            CreditAccountId = new AccountId(creditAccountId),
            Asset = asset == 0 ? default : new Asset(asset),
            Amount = amount,
            Code = code,
            Memo = memo,
            ExpiresAt = expiresAt,
            Rejection = rejection,
            DebitAccountVersion = debitVersion,
            DebitAccountBalance = debitBalance,
            CreditAccountVersion = creditVersion,
            CreditAccountBalance = creditBalance,
        };

        if (FindProblem(entry) is { } problem) RecordErrors.Throw(Context, FieldPath(path, problem.Field), $"{NameOf(problem.Field)} {problem.Message}");
        return entry;
    }

    /// <summary>The field whose property name the reader is on, trying the field after the last one first (records
    /// written by <see cref="Write"/> list their fields in order, so this is nearly always a first-try hit).</summary>
    private static int Match(ref Utf8JsonReader reader, int hint)
    {
        for (var i = 0; i < FieldCount; i++)
        {
            var index = hint + i;
            if (index >= FieldCount) index -= FieldCount;
            if (reader.ValueTextEquals(Utf8Names[index])) return index;
        }

        return -1;
    }

    private static long ReadInt64(ref Utf8JsonReader reader, string path, Field field, long min)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) && value >= min) return value;
        var range = min == long.MinValue
            ? "a whole number (64-bit)"
            : string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {long.MaxValue}");
        throw Wrong(ref reader, path, field, range);
    }

    private static long? ReadNullableInt64(ref Utf8JsonReader reader, string path, Field field)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)) return value;
        throw Wrong(ref reader, path, field, "a whole number (64-bit) or null");
    }

    private static int ReadInt32(ref Utf8JsonReader reader, string path, Field field)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)) return value;
        throw Wrong(ref reader, path, field, "a whole number (32-bit)");
    }

    private static int ReadAssetCode(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) && value >= 1) return value;
        throw Wrong(ref reader, path, Field.Asset, string.Create(CultureInfo.InvariantCulture, $"an asset code, a whole number from 1 to {int.MaxValue}"));
    }

    private static Guid ReadGuid(ref Utf8JsonReader reader, string path, Field field)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value)) return value;
        throw Wrong(ref reader, path, field, "a GUID string in the 36-character form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
    }

    private static T ReadEnum<T>(ref Utf8JsonReader reader, string path, Field field)
        where T : struct, Enum
    {
        var names = EnumNames<T>.Instance;
        if (names.TryRead(ref reader, out var value)) return value;
        throw Wrong(ref reader, path, field, $"a {EnumNames<T>.TypeName} name ({names.NameList})");
    }

    private static Instant ReadInstant(ref Utf8JsonReader reader, string path, Field field)
    {
        if (InstantJson.TryRead(ref reader, out var value)) return value;
        throw Wrong(ref reader, path, field, InstantJson.Expected);
    }

    private static string? ReadMemo(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.String) throw Wrong(ref reader, path, Field.Memo, "a string or null");

        // A UTF-16 code unit takes at most 6 bytes (an escape), so a longer token is too long without decoding it.
        string memo;
        if (reader.ValueSpan.Length > MaxMemoLength * 6) memo = string.Empty;
        else
        {
            try
            {
                memo = reader.GetString()!;
            }
            catch (InvalidOperationException ex)
            {
                throw RecordErrors.Create(Context, FieldPath(path, Field.Memo), "memo is not valid text (bad UTF-8 or an unpaired surrogate)", ex);
            }
        }

        if (reader.ValueSpan.Length > MaxMemoLength * 6 || memo.Length > MaxMemoLength)
        {
            RecordErrors.Throw(Context, FieldPath(path, Field.Memo),
                string.Create(CultureInfo.InvariantCulture, $"memo is longer than {MaxMemoLength} characters"));
        }

        return memo;
    }

    private static Storage.RecordFormatException Wrong(ref Utf8JsonReader reader, string path, Field field, string expected)
        => RecordErrors.Create(Context, FieldPath(path, field), $"{NameOf(field)} must be {expected}; got {RecordErrors.Describe(ref reader)}");

    // ------------------------------------------------------------------------------------------------------------
    // Checks shared by writing and reading
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>The first field whose value no record may hold, with what is wrong, or null when the entry is
    /// storable.</summary>
    internal static (Field Field, string Message)? FindProblem(in LedgerEvent e)
    {
        if (e.Position < 1) return (Field.Position, string.Create(CultureInfo.InvariantCulture, $"must be 1 or more; got {e.Position}"));
        if (e.Kind == LedgerEventKind.None || !EnumNames<LedgerEventKind>.Instance.IsDefined(e.Kind))
        {
            return (Field.Kind, string.Create(CultureInfo.InvariantCulture, $"must be a LedgerEventKind other than None; got {e.Kind}"));
        }

        if (!EnumNames<TransferKind>.Instance.IsDefined(e.TransferKind)) return (Field.TransferKind, string.Create(CultureInfo.InvariantCulture, $"{e.TransferKind} is not a TransferKind"));
        if (!EnumNames<TransferResult>.Instance.IsDefined(e.Rejection)) return (Field.Rejection, string.Create(CultureInfo.InvariantCulture, $"{e.Rejection} is not a TransferResult"));
        if (e.AccountVersion < 0) return (Field.AccountVersion, "must not be negative");
        if (e.Amount < 0) return (Field.Amount, "must not be negative");
        if (e.Floor is { } floor && e.Ceiling is { } ceiling && floor > ceiling)
        {
            return (Field.Floor, string.Create(CultureInfo.InvariantCulture, $"({floor}) must not be above the ceiling ({ceiling})"));
        }

        if (e.Memo is { } memo)
        {
            if (memo.Length > MaxMemoLength) return (Field.Memo, string.Create(CultureInfo.InvariantCulture, $"is longer than {MaxMemoLength} characters"));
            if (HasUnpairedSurrogate(memo)) return (Field.Memo, "has an unpaired surrogate, which JSON text cannot hold");
        }

        if (e.DebitAccountVersion < 0) return (Field.DebitAccountVersion, "must not be negative");
        if (e.CreditAccountVersion < 0) return (Field.CreditAccountVersion, "must not be negative");

        var required = RequiredFields(e.Kind);
        if (Has(required, Field.AccountId) && e.AccountId.IsEmpty) return (Field.AccountId, string.Create(CultureInfo.InvariantCulture, $"must not be empty for kind {e.Kind}"));
        if (Has(required, Field.AccountVersion) && e.AccountVersion < 1) return (Field.AccountVersion, string.Create(CultureInfo.InvariantCulture, $"must be 1 or more for kind {e.Kind}"));
        if (Has(required, Field.Asset) && e.Asset.IsDefault) return (Field.Asset, string.Create(CultureInfo.InvariantCulture, $"must be set for kind {e.Kind}"));
        if (Has(required, Field.TransferId) && e.TransferId.IsEmpty) return (Field.TransferId, string.Create(CultureInfo.InvariantCulture, $"must not be empty for kind {e.Kind}"));
        if (Has(required, Field.TransferKind) && e.TransferKind == TransferKind.None) return (Field.TransferKind, string.Create(CultureInfo.InvariantCulture, $"must not be None for kind {e.Kind}"));
        if (Has(required, Field.RelatedTransferId) && e.RelatedTransferId.IsEmpty) return (Field.RelatedTransferId, string.Create(CultureInfo.InvariantCulture, $"must not be empty for kind {e.Kind}"));
        if (Has(required, Field.DebitAccountId) && e.DebitAccountId.IsEmpty) return (Field.DebitAccountId, string.Create(CultureInfo.InvariantCulture, $"must not be empty for kind {e.Kind}"));
        if (Has(required, Field.CreditAccountId) && e.CreditAccountId.IsEmpty) return (Field.CreditAccountId, string.Create(CultureInfo.InvariantCulture, $"must not be empty for kind {e.Kind}"));
        if (Has(required, Field.Rejection) && e.Rejection == TransferResult.Ok) return (Field.Rejection, string.Create(CultureInfo.InvariantCulture, $"must name the rule for kind {e.Kind}, not Ok"));
        if (Has(required, Field.DebitAccountVersion) && e.DebitAccountVersion < 1) return (Field.DebitAccountVersion, string.Create(CultureInfo.InvariantCulture, $"must be 1 or more for kind {e.Kind}"));
        if (Has(required, Field.CreditAccountVersion) && e.CreditAccountVersion < 1) return (Field.CreditAccountVersion, string.Create(CultureInfo.InvariantCulture, $"must be 1 or more for kind {e.Kind}"));
        return null;
    }

    private static bool HasUnpairedSurrogate(string text)
    {
        var span = text.AsSpan();
        var i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0) return false;
        for (; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= span.Length || !char.IsLowSurrogate(span[i + 1])) return true;
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Bit(Field field) => 1u << (int)field;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Has(uint set, Field field) => (set & Bit(field)) != 0;

    private static string FieldPath(string path, Field field) => string.Concat(path, ".", Names[(int)field]);
}
