using NodaTime;

namespace Volunteering.Cli;

/// <summary>A clock the story moves forward by hand, so the demo prints the same dates every run.</summary>
internal sealed class StoryClock(Instant start) : IClock
{
    public Instant Now { get; private set; } = start;

    public Instant GetCurrentInstant() => Now;

    public void AdvanceTo(Instant instant)
    {
        if (instant < Now) throw new InvalidOperationException("The story's clock only moves forward.");
        Now = instant;
    }
}
