using Ardalis.GuardClauses;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.LoveBank;

/// <summary>
/// A scheme's catalogue (爱心超市): the items and their terms, and the outlets that hold stock. An event-sourced
/// aggregate in the stream <c>lovebank.catalogue-{scheme}</c>. Stock itself is on the ledger, per item and outlet
/// (<see cref="LoveBankScheme.StockAccountId"/>), where restocks, write-offs and redemptions are logged as transfers.
/// </summary>
public sealed class Catalogue : AggregateRoot<CatalogueEvent>
{
    /// <summary>The stream category, <c>lovebank.catalogue</c>.</summary>
    public const string StreamCategory = "lovebank.catalogue";

    private readonly Dictionary<CatalogueItemId, CatalogueItem> _items = [];
    private readonly HashSet<CatalogueItemId> _withdrawn = [];
    private readonly Dictionary<OutletId, string> _outlets = [];

    private Catalogue(StreamName stream) => Stream = stream;

    /// <inheritdoc />
    public override StreamName Stream { get; }

    /// <summary>The items in force, by id (withdrawn ones included).</summary>
    public IReadOnlyDictionary<CatalogueItemId, CatalogueItem> Items => _items;

    /// <summary>The outlets, by id, with their names.</summary>
    public IReadOnlyDictionary<OutletId, string> Outlets => _outlets;

    /// <summary>Whether an item was withdrawn.</summary>
    /// <param name="item">The item.</param>
    public bool IsWithdrawn(CatalogueItemId item) => _withdrawn.Contains(item);

    /// <summary>The stream of a scheme's catalogue.</summary>
    /// <param name="scheme">The scheme; not empty.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public static StreamName StreamFor(SchemeId scheme)
    {
        Guard.Against.Expression(static x => x.IsEmpty, scheme, "The scheme id must not be empty.", nameof(scheme));
        return StreamName.For(StreamCategory, scheme.Value);
    }

    /// <summary>A repository of catalogues in a store.</summary>
    /// <param name="store">The store.</param>
    public static AggregateRepository<Catalogue, CatalogueEvent> Repository(IRecordStore store) => new(store, static s => new Catalogue(s));

    internal static Catalogue CreateEmpty(SchemeId scheme) => new(StreamFor(scheme));

    internal void Record(CatalogueEvent e) => Raise(e);

    /// <inheritdoc />
    protected override void Apply(CatalogueEvent e)
    {
        switch (e)
        {
            case ItemListed l:
                _items[l.Item.Id] = l.Item;
                _withdrawn.Remove(l.Item.Id);
                break;
            case ItemWithdrawn w:
                _withdrawn.Add(w.Item);
                break;
            case OutletOpened o:
                _outlets[o.Outlet] = o.Name;
                break;
            default:
                throw new InvalidDataException($"A catalogue cannot apply a {e.GetType().Name}.");
        }
    }
}
