namespace Volunteering.Domain.LoveBank;

/// <summary>What <see cref="LoveBankDesk.AwardVerifiedParticipationsAsync"/> did.</summary>
/// <param name="Position">The store position read up to: pass it as the next call's starting point.</param>
/// <param name="Outcomes">How many participations answered each result: <see cref="LoveBankResult.Ok"/> for points
/// awarded (or re-awarded after a correction), <see cref="LoveBankResult.AlreadyDone"/> for those already up to date,
/// <see cref="LoveBankResult.PassbookNotFound"/> for volunteers without a passbook of their own, and any refusal
/// (<see cref="LoveBankResult.PointsAlreadySpent"/>, <see cref="LoveBankResult.EarnsNothing"/>, ...).</param>
public sealed record ParticipationFeedOutcome(long Position, IReadOnlyDictionary<LoveBankResult, int> Outcomes)
{
    /// <summary>Participations that earned points in this call.</summary>
    public int Awarded => Outcomes.TryGetValue(LoveBankResult.Ok, out var n) ? n : 0;
}
