using Volunteering.Cli;

namespace Volunteering.Domain.Tests.Cli;

public class DemoTests
{
    [Fact]
    public void Demo_plays_the_story_with_every_step_as_expected()
    {
        using var output = new StringWriter();

        var exitCode = Demo.Run(output);

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        Assert.DoesNotContain("[UNEXPECTED]", text, StringComparison.Ordinal);
        Assert.Contains("[ok] Wang Fang holds 13.6h", text, StringComparison.Ordinal);
        Assert.Contains("[ok] Chen Jie (31) tries to redeem 0.5 h: refused for age", text, StringComparison.Ordinal);
        Assert.Contains("closing balance      13.6h", text, StringComparison.Ordinal);
        Assert.Contains("[ok] every ledger invariant holds", text, StringComparison.Ordinal);
        Assert.EndsWith("Demo finished: every step behaved as expected." + Environment.NewLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_plays_a_stations_month_with_a_correction_certificates_and_the_statistics_report()
    {
        using var output = new StringWriter();

        var exitCode = Demo.Run(output);

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        var month = text[text.IndexOf("7. A practice station's month: Hunan Road station, May 2026", StringComparison.Ordinal)..];
        Assert.DoesNotContain("[UNEXPECTED]", month, StringComparison.Ordinal);
        Assert.Contains("Saved to the same store (memory) and credited on the same ledger.", month, StringComparison.Ordinal);
        Assert.Contains("[ok] Station founded and saved: Hunan Road station (Hunan Road)", month, StringComparison.Ordinal);
        Assert.Contains("[ok] Li Na (28) registered as GL2026-0002", month, StringComparison.Ordinal);
        Assert.Contains("[ok] a second volunteer cannot take number GL2026-0001", month, StringComparison.Ordinal);
        Assert.Contains("Li Na's summary shows ID 320106********", month, StringComparison.Ordinal);
        Assert.Contains("[ok] verifying Li Na again credits nothing", month, StringComparison.Ordinal);
        Assert.Contains("[ok] certificate for Li Na: GLHN-2026-000001: 5 h over 2 activities", month, StringComparison.Ordinal);
        Assert.Contains("[ok] GLHN-2026-000001 no longer matches the records (1 participation changed)", month, StringComparison.Ordinal);
        Assert.Contains("[ok] Li Na holds 6h in the time bank", month, StringComparison.Ordinal);
        Assert.Contains("[ok] certificate for Li Na: GLHN-2026-000002: 6 h over 2 activities", month, StringComparison.Ordinal);
        Assert.Contains("[ok] no service time can be recorded for it", month, StringComparison.Ordinal);
        Assert.Contains("[ok] certificate for Li Na, for the film night: NotVolunteerService", month, StringComparison.Ordinal);
        Assert.Contains("[ok] certificate for Sun Hao, for the point's tidy-up: NotRecordedByIssuer", month, StringComparison.Ordinal);
        Assert.Contains("[ok] certificate for Zhou Min: GLHN-2026-000003: 4.5 h over 2 activities", month, StringComparison.Ordinal);
        Assert.Contains("Zhou Min, ResidentIdCard 320106********", month, StringComparison.Ordinal);
        Assert.Contains("activities 4 (door-to-door 1); participations 9 by 4 volunteers; 22.5 h credited; 86 people served", month, StringComparison.Ordinal);
        Assert.Contains("registered volunteers 4; teams 1; station coverage 1/1 (100%)", month, StringComparison.Ordinal);
        Assert.Contains("[ok] hours credited in the statistics equal the time bank's net credit on the ledger", month, StringComparison.Ordinal);
        Assert.Contains("[ok] the district centre sees the same hours, and station coverage 1/4", month, StringComparison.Ordinal);

        // Personal data never reaches the output unmasked.
        Assert.DoesNotContain("13912345678", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"320106\d{8}", text);
    }

    [Fact]
    public void Demo_output_is_the_same_on_every_run()
    {
        using var first = new StringWriter();
        using var second = new StringWriter();
        Demo.Run(first);
        Demo.Run(second);

        // Ids differ between runs but never appear in the output; dates come from the story's own clock.
        Assert.Equal(first.ToString(), second.ToString());
    }
}
