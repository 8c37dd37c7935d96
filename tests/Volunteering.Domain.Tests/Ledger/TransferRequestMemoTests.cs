using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Tests.Ledger;

/// <summary>A memo is stored as UTF-8 by every durable store, so the ledger refuses text that cannot survive it.</summary>
public class TransferRequestMemoTests
{
    private static readonly AccountId From = AccountId.New();
    private static readonly AccountId To = AccountId.New();

    // Built in code: lone surrogates in attribute arguments do not survive xunit's test-case serialization.
    private static readonly string[] Broken =
    [
        new string((char)0xD83D, 1),                          // a lone high surrogate
        (char)0xDE00 + " tea",                                // a lone low surrogate
        string.Concat("ok ", (char)0xDE00, (char)0xD83D),     // a pair in the wrong order
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_memo_with_an_unpaired_surrogate_is_a_programmer_error(int which)
    {
        var memo = Broken[which];
        var ex = Assert.Throws<ArgumentException>(() => TransferRequest.Post(TransferId.New(), From, To, 1, 1, memo));
        Assert.Equal("memo", ex.ParamName);
        Assert.Contains("unpaired surrogate", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("陪同就医 escort to hospital")]
    [InlineData("thanks \uD83D\uDE00")] // a proper pair (an emoji)
    public void Well_formed_memos_are_accepted(string memo)
    {
        Assert.Equal(memo, TransferRequest.Post(TransferId.New(), From, To, 1, 1, memo).Memo);
    }
}
