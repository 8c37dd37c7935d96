using Volunteering.Cli;
using Volunteering.Domain.Aid;
using Volunteering.Domain.Storage;

namespace Volunteering.Cli.Tests;

/// <summary>The demo's aid round: its key lines, names only masked, and a second run on the same store playing the next
/// year's round without touching the first one's fund.</summary>
public class AidRoundTests
{
    [Fact]
    public async Task The_demo_plays_an_aid_round_from_the_donation_to_a_report_that_reconciles_with_the_ledger()
    {
        using var output = new StringWriter();
        Assert.Equal(0, await Demo.RunAsync(output, new InMemoryRecordStore(), "memory"));

        var text = output.ToString();
        var round = text[text.IndexOf("13. An aid round: the Hunan Road happiness fund (幸福驿站), summer 2026", StringComparison.Ordinal)..];
        Assert.DoesNotContain("[UNEXPECTED]", round, StringComparison.Ordinal);
        foreach (var line in new[]
        {
            "[ok] the Gulou Red Cross donates ¥5,000.00 into the fund (a ledger transfer from the donor's account)",
            "[ok]   the same donation sent twice is received once",
            "[ok] 王*英's household (3 members, MinimumLiving) applies",
            "[ok]   王*英: reviewed twice, proposed 3 × ¥900.00, noticed from 1 June",
            "[ok]   re-review upholds the objection to 张*: the application is rejected with the finding as its reason",
            "[ok] approving 王*英 before the notice ends is refused",
            "[ok] the handler cannot approve the applications she took",
            "[ok] nor can the inspector who re-reviewed an objection",
            "[ok]   the bank file is sent twice: the payment is made once",
            "[ok]   instalment 1 again under a new payment id would go beyond the approval",
            "[ok] 13 July: the bank returns 李*国's July payment (account closed); it is reversed, never deleted",
            "households helped 2; individuals 0; students funded 0; wishes fulfilled 0",
            "paid ¥4,500.00 (8 payments and reversals); average per household ¥2,250.00; received ¥5,000.00",
            "budget ¥20,000.00, committed ¥4,500.00, remaining ¥15,500.00",
            "applications 4 submitted, 2 approved, 1 rejected; objections 2 lodged, 1 upheld",
            "王*英  3   ¥2,700.00  06-01 to 06-07",
            "[ok] the report reconciles with the ledger to the fen",
            "[ok] the fund holds ¥500.00 on the ledger: the donation less what was paid",
            "刘*: FirstOpinion due by 2026-06-15",
            "[ok] the store passes the ledger audit (46 entries)",
        })
        {
            Assert.Contains(line, round, StringComparison.Ordinal);
        }

        // Only masked names reach the output.
        foreach (var name in new[] { "王秀英", "李建国", "张伟", "刘芳" }) Assert.DoesNotContain(name, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_run_on_the_same_store_plays_the_next_years_round_with_its_own_fund()
    {
        var store = new InMemoryRecordStore();
        using var first = new StringWriter();
        using var second = new StringWriter();
        Assert.Equal(0, await Demo.RunAsync(first, store, "test store"));
        Assert.Equal(0, await Demo.RunAsync(second, store, "test store"));

        var two = second.ToString();
        Assert.Contains("13. An aid round: the Hunan Road happiness fund (幸福驿站), summer 2027", two, StringComparison.Ordinal);
        Assert.Contains("[ok] the report reconciles with the ledger to the fen", two, StringComparison.Ordinal);
        Assert.DoesNotContain("[UNEXPECTED]", two, StringComparison.Ordinal);

        // Two rounds, two programmes, each fund ending the summer with ¥500.00.
        var register = new AidRegister();
        await register.ApplyAsync(store);
        Assert.Equal(2, register.Programmes.Count);
        foreach (var programme in register.Programmes)
        {
            Assert.Equal(50_000, (await store.GetBalanceAsync(AidFunds.FundAccountId(programme.Id)))!.Value.Posted);
        }
    }
}
