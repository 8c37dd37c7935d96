using NodaTime;

namespace Volunteering.Domain.Organisations;

/// <summary>Values that take effect on dates, appended in non-decreasing date order; the value on a date is the
/// latest one whose date is on or before it.</summary>
internal sealed class Timeline<T>
{
    private readonly List<(LocalDate From, T Value)> _entries = [];

    public int Count => _entries.Count;

    public T Latest => _entries[^1].Value;

    public void Add(LocalDate from, T value) => _entries.Add((from, value));

    public bool TryGetOn(LocalDate date, out T value)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].From <= date)
            {
                value = _entries[i].Value;
                return true;
            }
        }

        value = default!;
        return false;
    }
}
