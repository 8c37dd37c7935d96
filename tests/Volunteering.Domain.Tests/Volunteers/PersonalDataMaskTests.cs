using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Tests.Volunteers;

/// <summary><see cref="PersonalDataMask"/>: examples, and properties over arbitrary strings.</summary>
public class PersonalDataMaskTests
{
    [Theory]
    [InlineData("320102197005121234", "320102********1234")]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("E12345678", "*******78")]
    [InlineData("12345678901", "123456*8901")]
    [InlineData("1234567890", "********90")]
    [InlineData("AB", "**")]
    [InlineData("A", "*")]
    [InlineData("", "")]
    public void An_ID_number_shows_its_first_6_and_last_4_or_only_its_last_2_when_short(string number, string masked)
        => Assert.Equal(masked, PersonalDataMask.IdNumber(number));

    [Theory]
    [InlineData("13900000000", "139****0000")]
    [InlineData("+441234567890", "+44******7890")]
    [InlineData("52345678", "523*5678")]
    [InlineData("1234567", "*****67")]
    [InlineData("12", "**")]
    public void A_phone_shows_its_first_3_and_last_4_or_only_its_last_2_when_short(string phone, string masked)
        => Assert.Equal(masked, PersonalDataMask.Phone(phone));

    [Property(MaxTest = 500)]
    public Property An_ID_number_mask_never_reveals_more_than_10_characters()
        => Prop.ForAll(Arb.From(Texts), static number =>
        {
            var masked = PersonalDataMask.IdNumber(number);
            var shown = Shown(number, masked);
            return Faithful(number, masked) && shown <= 10 && (number.Length == 0 || shown < number.Length);
        });

    [Property(MaxTest = 500)]
    public Property A_phone_mask_never_reveals_more_than_7_characters_nor_the_whole_number()
        => Prop.ForAll(Arb.From(Texts), static phone =>
        {
            var masked = PersonalDataMask.Phone(phone);
            var shown = Shown(phone, masked);
            return Faithful(phone, masked) && shown <= 7 && (phone.Length == 0 || shown < phone.Length);
        });

    [Property(MaxTest = 300)]
    public bool Any_string_masks_to_the_same_length_showing_at_most_10_of_its_characters(NonNull<string> text)
    {
        var masked = PersonalDataMask.IdNumber(text.Get);
        var shown = 0;
        for (var i = 0; i < text.Get.Length; i++)
        {
            if (masked[i] == text.Get[i] && masked[i] != PersonalDataMask.MaskChar) shown++;
        }

        return Faithful(text.Get, masked) && shown <= 10;
    }

    [Theory]
    [InlineData("王小明", "王*明")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("  李四  ", "李*")]
    [InlineData("𠮷野家", "𠮷*家")]
    [InlineData("Wang Fang", "W*** F***")]
    [InlineData("Li", "L*")]
    [InlineData("王", "*")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void A_name_keeps_the_surname_and_at_most_the_last_character_or_each_words_initial(string name, string masked)
        => Assert.Equal(masked, PersonalDataMask.Name(name));

    [Property(MaxTest = 300)]
    public Property A_masked_name_of_three_characters_or_more_hides_all_but_two_of_them()
        => Prop.ForAll(Arb.From(from length in Gen.Choose(3, 12) from chars in Gen.ArrayOf(Gen.Elements("王李张欧阳明芳娜".ToCharArray()), length) select new string(chars)), name =>
        {
            var masked = PersonalDataMask.Name(name);
            return masked.Length == name.Length && Shown(name, masked) == 2 && masked[0] == name[0] && masked[^1] == name[^1];
        });

    [Fact]
    public void Masking_null_is_a_programmer_error()
    {
        Assert.Throws<ArgumentNullException>(() => PersonalDataMask.IdNumber(null!));
        Assert.Throws<ArgumentNullException>(() => PersonalDataMask.Phone(null!));
        Assert.Throws<ArgumentNullException>(() => PersonalDataMask.Name(null!));
    }

    /// <summary>Strings of any length up to 60 over digits, letters and punctuation, never the mask character (so
    /// every character shown is one the mask kept).</summary>
    private static readonly Gen<string> Texts =
        from length in Gen.Choose(0, 60)
        from chars in Gen.ArrayOf(Gen.Elements("0123456789Xab+-一".ToCharArray()), length)
        select new string(chars);

    /// <summary>The mask keeps the length and each position is the original character or the mask character.</summary>
    private static bool Faithful(string original, string masked)
        => masked.Length == original.Length && original.Zip(masked).All(p => p.Second == p.First || p.Second == PersonalDataMask.MaskChar);

    /// <summary>Characters not replaced by the mask character.</summary>
    private static int Shown(string original, string masked) => masked.Count(c => c != PersonalDataMask.MaskChar);
}
