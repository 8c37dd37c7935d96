using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Storage;

/// <summary>An account's posted balance as the store holds it, read from the account's newest entry (no replay).</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Version">The account's version: how many entries touched it.</param>
/// <param name="Posted">The posted balance (credits less debits) in the asset's smallest unit.</param>
/// <param name="Position">The journal position of the newest entry that touched the account.</param>
public readonly record struct StoredBalance(AccountId AccountId, long Version, long Posted, long Position);
