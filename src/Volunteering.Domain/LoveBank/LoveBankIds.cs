using Volunteering.Domain.Identity;

namespace Volunteering.Domain.LoveBank;

/// <summary>Derives the love bank's transfer ids and item keys from domain ids, so a repeated or concurrent command
/// names the same transfers and the ledger's idempotency applies on top of the passbook's own.</summary>
internal static class LoveBankIds
{
    public static Guid AwardKey(Guid source, int sequence) => DerivedId.From(DerivedId.Combine(source, source, 0x230), 0x1000 + sequence);

    public static TransferId Award(SchemeId scheme, Guid source, int sequence) => new(DerivedId.From(DerivedId.Combine(source, scheme.Value, 0x231), 0x1000 + sequence));

    public static TransferId AwardReversal(SchemeId scheme, Guid source, int sequence) => new(DerivedId.From(DerivedId.Combine(source, scheme.Value, 0x232), 0x1000 + sequence));

    public static TransferId Expiry(SchemeId scheme, Guid source, int sequence) => new(DerivedId.From(DerivedId.Combine(source, scheme.Value, 0x233), 0x1000 + sequence));

    public static TransferId Deduction(SchemeId scheme, Guid deduction) => new(DerivedId.Combine(deduction, scheme.Value, 0x234));

    public static TransferId ReservePoints(RedemptionId redemption) => new(DerivedId.From(redemption.Value, 0x235));

    public static TransferId ReserveStock(RedemptionId redemption) => new(DerivedId.From(redemption.Value, 0x236));

    public static TransferId SettlePoints(RedemptionId redemption) => new(DerivedId.From(redemption.Value, 0x237));

    public static TransferId SettleStock(RedemptionId redemption) => new(DerivedId.From(redemption.Value, 0x238));

    public static TransferId ExchangeIn(SchemeId scheme, Guid exchange) => new(DerivedId.Combine(exchange, scheme.Value, 0x239));

    public static TransferId ExchangeOut(SchemeId scheme, Guid exchange) => new(DerivedId.Combine(exchange, scheme.Value, 0x23A));
}
