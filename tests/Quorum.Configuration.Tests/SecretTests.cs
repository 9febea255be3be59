using FsCheck;
using FsCheck.Fluent;

namespace Quorum.Configuration.Tests;

public sealed class SecretTests
{
    [Fact]
    public void ToString_AnySecret_IsRedacted()
    {
        var secret = new Secret("sk-live-123");

        secret.ToString().ShouldBe("***");
        $"key={secret}".ShouldBe("key=***");
        string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", secret).ShouldBe("***");
    }

    [Fact]
    public void Reveal_ReturnsTheValue()
    {
        new Secret("sk-live-123").Reveal().ShouldBe("sk-live-123");
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Constructor_EmptyValue_Throws(string? value)
    {
        Should.Throw<ArgumentException>(() => new Secret(value!));
    }

    [Fact]
    public void Secret_HasNoPublicPropertyThatASerializerCouldWrite()
    {
        typeof(Secret).GetProperties().ShouldBeEmpty();
    }

    [Fact]
    public void Redaction_AnyValue_NeverAppearsInPrintedForms()
    {
        var values = Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_+/=;\"".ToCharArray())
            .ArrayOf()
            .Where(chars => chars.Length >= 4)
            .Select(chars => "S3CR3T" + new string(chars));

        Prop.ForAll(values.ToArbitrary(), value =>
        {
            var secret = new Secret(value);
            var settings = EnvironmentSettings.Read(name => name is "API_KEY" or "API_SECRET" or "OPENAI_API_KEY" or "PGPASSWORD" ? value : null);
            return secret.ToString() == Secret.Redacted
                   && !$"{secret}".Contains("S3CR3T", StringComparison.Ordinal)
                   && !settings.ToString().Contains("S3CR3T", StringComparison.Ordinal)
                   && !settings.ToRedactedSummary().Contains("S3CR3T", StringComparison.Ordinal)
                   && settings.ApiKey!.Reveal() == value.Trim();
        }).QuickCheckThrowOnFailure();
    }
}
