namespace Volunteering.Domain.Aid;

/// <summary>What an aid programme is for. Only a <see cref="MicroWishRound"/> takes micro-wishes; the other kinds differ
/// only in name and in the rules their terms set.</summary>
public enum ProgrammeKind
{
    /// <summary>Regular aid to households, such as a happiness-station fund (幸福驿站) paying monthly.</summary>
    HouseholdAid = 1,

    /// <summary>Grants to students (助学金).</summary>
    StudentGrant = 2,

    /// <summary>A round of micro-wishes (微心愿): children's wishes claimed and fulfilled by donors.</summary>
    MicroWishRound = 3,

    /// <summary>Temporary assistance (临时救助) for sudden hardship, often paid first and documented after.</summary>
    TemporaryAssistance = 4,
}
