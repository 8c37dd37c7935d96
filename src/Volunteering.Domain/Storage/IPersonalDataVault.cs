using Volunteering.Domain.Identity;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Storage;

/// <summary>
/// The one place a volunteer's personal fields (<see cref="PersonalData"/>) are held, keyed by
/// <see cref="VolunteerId"/>. Record streams never hold them, so erasing a person is one call here and leaves every
/// stream, ledger entry and balance as it was. An adapter (SQLite, an encrypted store, ...) implements this interface.
/// </summary>
/// <remarks>
/// <para>The contract:</para>
/// <list type="bullet">
/// <item><description><b>Put</b> stores a value for a volunteer, replacing any value held; once the call returns the
/// value is durable (for a durable vault) and the next <b>get</b> returns a value equal to it, field for field and lists
/// in order.</description></item>
/// <item><description><b>Get</b> returns the value last put, or null when none is held (never put, or erased).</description></item>
/// <item><description><b>Erase</b> removes the value for good: a durable vault keeps no copy it could later return
/// (no soft delete, no history table), so the data is gone once the call returns. It is idempotent: erasing a
/// volunteer with no value held succeeds and answers false. A later put for the same volunteer stores a value again
/// (the registry never does that for an erased volunteer).</description></item>
/// <item><description><b>Isolation.</b> Calls for different volunteers do not affect each other; concurrent callers are
/// allowed, and for one volunteer the last completed put or erase wins.</description></item>
/// <item><description><b>Errors.</b> An empty id or a null value is a programmer error
/// (<see cref="ArgumentException"/>); a cancelled call either took effect whole or not at all.</description></item>
/// </list>
/// <para>Callers show personal data only masked (<see cref="PersonalDataMask"/>) except in consented exports.</para>
/// </remarks>
public interface IPersonalDataVault
{
    /// <summary>Stores (or replaces) a volunteer's personal data.</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="data">The data; not null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    ValueTask PutAsync(VolunteerId volunteer, PersonalData data, CancellationToken cancellationToken = default);

    /// <summary>The volunteer's personal data, or null when none is held.</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    ValueTask<PersonalData?> GetAsync(VolunteerId volunteer, CancellationToken cancellationToken = default);

    /// <summary>Removes the volunteer's personal data for good; idempotent.</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when a value was held and is now gone; false when none was held.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    ValueTask<bool> EraseAsync(VolunteerId volunteer, CancellationToken cancellationToken = default);
}
