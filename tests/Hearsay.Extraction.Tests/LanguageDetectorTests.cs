using Hearsay.Extraction.Language;

namespace Hearsay.Extraction.Tests;

public sealed class LanguageDetectorTests
{
    private readonly LanguageDetector detector = new();

    [Theory]
    [InlineData("en", "The minister said that the new law would be passed by the end of the year, and that it was not a surprise.")]
    [InlineData("de", "Der Minister sagte, dass das neue Gesetz bis zum Ende des Jahres verabschiedet werden soll und es keine Überraschung sei.")]
    [InlineData("fr", "Le ministre a déclaré que la nouvelle loi serait adoptée avant la fin de l'année et que ce n'était pas une surprise.")]
    [InlineData("es", "El ministro dijo que la nueva ley sería aprobada antes del final del año y que no era una sorpresa para nadie.")]
    [InlineData("nl", "De minister zei dat de nieuwe wet voor het einde van het jaar wordt aangenomen en dat het geen verrassing is.")]
    [InlineData("ru", "Министр сказал, что новый закон будет принят до конца года.")]
    [InlineData("zh", "武汉的声音：有英勇的你，才有英雄的城")]
    public void Tells_the_language(string code, string text) => detector.Detect(text).ShouldBe(code);

    [Fact]
    public void Too_little_evidence_gives_null() => detector.Detect("Berlin 2021").ShouldBeNull();
}
