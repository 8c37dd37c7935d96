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
