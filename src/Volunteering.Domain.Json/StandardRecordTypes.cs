using Volunteering.Domain.Json.Internal;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Json;

/// <summary>The record types of the domain that <see cref="JsonRecordSerializer.Default"/> knows. A later payload type
/// is added here (a type name, its current version and its readers), never renamed and never dropped.</summary>
public static class StandardRecordTypes
{
    /// <summary>The type name of a journal entry, <c>ledger.entry</c>.</summary>
    public const string LedgerEntryTypeName = LedgerEntryCodec.TypeName;

    /// <summary>The current schema version of <c>ledger.entry</c>.</summary>
    public const int LedgerEntrySchemaVersion = LedgerEntryCodec.Version;

    /// <summary>The longest memo a <c>ledger.entry</c> holds, in UTF-16 code units: the core's
    /// <see cref="TransferRequest.MaxMemoLength"/> (512).</summary>
    public const int LedgerEntryMaxMemoLength = LedgerEntryCodec.MaxMemoLength;

    /// <summary><see cref="LedgerEvent"/> as <c>ledger.entry</c> version 1: a flat object with the fields its kind
    /// requires and every other field only when it differs from its default (see <c>docs/schema.md</c>).</summary>
    public static RecordType<LedgerEvent> LedgerEntry { get; } = new(
        LedgerEntryTypeName,
        LedgerEntrySchemaVersion,
        static (writer, value) => LedgerEntryCodec.Write(writer, value),
        static (ref Utf8JsonReader reader, string path) => LedgerEntryCodec.Read(ref reader, path));

    /// <summary>Every standard record type.</summary>
    public static IReadOnlyList<RecordType> All { get; } = [LedgerEntry];
}
