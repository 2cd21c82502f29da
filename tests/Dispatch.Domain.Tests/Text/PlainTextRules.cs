using Dispatch.Domain.Text;

namespace Dispatch.Domain.Tests.Text;

public sealed class PlainTextRules
{
    [Theory]
    [InlineData("象山区 南门街道", -1)]
    [InlineData("第一行\r\n第二行\t缩进", -1)]
    [InlineData("😀 emoji pairs are whole", -1)]
    [InlineData("a\0b", 1)]
    [InlineData("\u0001", 0)]
    [InlineData("x\u007f", 1)]
    [InlineData("x\u0085", 1)]
    public void Control_characters_and_broken_surrogates_are_found_where_they_are(string text, int index) =>
        Assert.Equal(index, PlainText.FirstRefused(text));

    [Fact]
    public void Half_of_a_surrogate_pair_is_refused()
    {
        // Built at run time: attribute arguments cannot carry a lone surrogate.
        Assert.Equal(2, PlainText.FirstRefused("ab" + (char)0xD800));
        Assert.Equal(0, PlainText.FirstRefused((char)0xDC00 + "x"));
        Assert.Equal(1, PlainText.FirstRefused("x" + (char)0xD800 + "y"));
    }

    [Theory]
    [InlineData("南门街道第一网格", true)]
    [InlineData("<img src=x onerror=alert(1)>", false)]
    [InlineData("a > b", false)]
    [InlineData("two\nlines", false)]
    [InlineData("tab\there", false)]
    public void A_name_is_plain_text_on_one_line_without_markup(string name, bool accepted) =>
        Assert.Equal(accepted, PlainText.IsName(name));
}
