namespace Hearsay.Storage.Tests;

public sealed class FtsQueryTests
{
    [Theory]
    [InlineData("harbour", "\"harbour\"")]
    [InlineData("harbour plan", "\"harbour\" \"plan\"")]
    [InlineData("harb*", "\"harb\"*")]
    [InlineData("NOT AND OR", "\"NOT\" \"AND\" \"OR\"")]
    [InlineData("say \"quoted", "\"say\" \"quoted\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("Iran’s", "\"Iran’s\"")]
    public void Words_become_quoted_phrases(string input, string expected)
        => FtsQuery.Build(input).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("* - ( )")]
    [InlineData("\"\"")]
    public void Input_without_words_has_no_query(string input)
        => FtsQuery.Build(input).ShouldBeNull();
}
