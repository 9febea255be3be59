using Quorum.TestKit;

namespace Quorum.Configuration.Tests;

public sealed class DotEnvFileTests
{
    [Fact]
    public void Parse_SeedStyleFile_ReadsValuesAndDropsInlineComments()
    {
        var values = DotEnvFile.Parse(
            """
            # comment
            EXCHANGE=binance
            MODE=paper                 # или live
            export TZ=Europe/Chisinau
            API_KEY="quoted # not a comment"
            API_SECRET='single'
            OPENAI_API_KEY=
            LOG_LEVEL = INFO
            PGPASSWORD="a\"b"
            """);

        values["EXCHANGE"].ShouldBe("binance");
        values["MODE"].ShouldBe("paper");
        values["TZ"].ShouldBe("Europe/Chisinau");
        values["API_KEY"].ShouldBe("quoted # not a comment");
        values["API_SECRET"].ShouldBe("single");
        values["OPENAI_API_KEY"].ShouldBe(string.Empty);
        values["LOG_LEVEL"].ShouldBe("INFO");
        values["PGPASSWORD"].ShouldBe("a\"b");
    }

    [Fact]
    public void Parse_MalformedLines_FailNamingEveryLine()
    {
        var failure = Should.Throw<ConfigValidationException>(() => DotEnvFile.Parse("MODE=paper\nthis is not an assignment\n1BAD=x\n"));

        failure.Message.Split('\n').ShouldBe(
        [
            ".env: line 2 = this is not an assignment is invalid (KEY=value, e.g. MODE=paper)",
            ".env: line 3 = 1BAD=x is invalid (KEY=value, e.g. MODE=paper)",
        ]);
    }

    [Theory]
    [InlineData("TZ=\"Europe/Chisinau", "TZ=\"Europe/Chisinau")]
    [InlineData("TZ='UTC", "TZ='UTC")]
    [InlineData("TZ=\"", "TZ=\"")]
    [InlineData("MODE=\"paper\" live", "MODE=\"paper\" live")]
    [InlineData("API_KEY=\"xyzzy", "API_KEY… (value hidden)")]
    [InlineData("export API_SECRET='xyzzy", "API_SECRET… (value hidden)")]
    public void Parse_UnclosedQuoteOrTextAfterTheClosingQuote_FailsInsteadOfGuessing(string line, string shown)
    {
        // Before, 'API_KEY="abc' gave the key '"abc' (quote included) and 'MODE="paper" live' silently dropped ' live'.
        var failure = Should.Throw<ConfigValidationException>(() => DotEnvFile.Parse("MODE=paper\n" + line + "\n"));

        failure.Message.ShouldBe($".env: line 2 = {shown} is invalid (a quoted value closes its quote and is followed by nothing but a # comment)");
    }

    [Theory]
    [InlineData("API_KEY: xyzzy")]
    [InlineData("OPENAI_API_KEY xyzzy")]
    [InlineData("PGPASSWORD")]
    public void Parse_MalformedLineOfASecret_NeverShowsItsValue(string line)
    {
        var failure = Should.Throw<ConfigValidationException>(() => DotEnvFile.Parse(line + "\n"));

        failure.Message.ShouldNotContain("xyzzy");
        failure.Message.ShouldContain("(value hidden) is invalid (KEY=value, e.g. MODE=paper)");
    }

    [Fact]
    public void Parse_QuotedValueFollowedByAComment_KeepsTheQuotedText()
    {
        var values = DotEnvFile.Parse("API_KEY=\"a # b\"  # the key\nAPI_SECRET='s'#c\n");

        values["API_KEY"].ShouldBe("a # b");
        values["API_SECRET"].ShouldBe("s");
    }

    [Fact]
    public void Load_MissingFile_GivesNoVariables()
    {
        using var temp = new TempDirectory();

        DotEnvFile.Load(temp.Combine(".env")).ShouldBeEmpty();
    }

    [Fact]
    public void Layer_ProcessEnvironmentWinsOverTheFile()
    {
        var file = DotEnvFile.Parse("MODE=live\nLOG_LEVEL=DEBUG\n");
        var lookup = DotEnvFile.Layer(name => name == "MODE" ? "paper" : null, file);

        lookup("MODE").ShouldBe("paper");
        lookup("LOG_LEVEL").ShouldBe("DEBUG");
        lookup("TZ").ShouldBeNull();
    }

    [Fact]
    public void EnvExample_DocumentsEveryVariableWithSafeValues()
    {
        var values = DotEnvFile.Load(Repository.Combine(".env.example"));

        values.Keys.ShouldBe(EnvironmentVariables.All, ignoreOrder: true);
        values["EXCHANGE"].ShouldBe("binance");
        values["MODE"].ShouldBe("paper");
        values["PROMETHEUS_PORT"].ShouldBe("9108");
        values["TZ"].ShouldBe("Europe/Chisinau");
        values["LOG_LEVEL"].ShouldBe("INFO");
        values["API_KEY"].ShouldBeNullOrEmpty();
        values["API_SECRET"].ShouldBeNullOrEmpty();
        values["OPENAI_API_KEY"].ShouldBeNullOrEmpty();
        values["PGPASSWORD"].ShouldBeNullOrEmpty();
    }
}
