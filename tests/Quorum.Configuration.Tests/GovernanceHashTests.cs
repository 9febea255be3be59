using System.Security.Cryptography;
using System.Text;

namespace Quorum.Configuration.Tests;

public sealed class GovernanceHashTests : IDisposable
{
    private readonly ConfigDirectory _dir = new();

    [Fact]
    public void GovernanceSha256_LoadedTwice_IsStable()
    {
        _dir.Load().GovernanceSha256.ShouldBe(_dir.Load().GovernanceSha256);
    }

    [Fact]
    public void GovernanceSha256_WhenOneByteChanges_Changes()
    {
        var before = _dir.Load().GovernanceSha256;
        _dir.Set(ConfigLoader.GovernanceFileName, "max_daily_loss_pct", "1.7");

        var after = _dir.Load().GovernanceSha256;

        after.ShouldNotBe(before);
    }

    [Fact]
    public void GovernanceSha256_WhenOnlyACommentChanges_StillChanges()
    {
        var before = _dir.Load().GovernanceSha256;
        _dir.Write(ConfigLoader.GovernanceFileName, _dir.Read(ConfigLoader.GovernanceFileName) + "# reviewed\n");

        _dir.Load().GovernanceSha256.ShouldNotBe(before);
    }

    [Fact]
    public void GovernanceSha256_WhenOtherFilesChange_DoesNotChange()
    {
        var before = _dir.Load().GovernanceSha256;
        _dir.Set(ConfigLoader.QuorumFileName, "level", "debug").Set(ConfigLoader.EnableMapFileName, "min_bars_hold", "8");

        _dir.Load().GovernanceSha256.ShouldBe(before);
    }

    [Fact]
    public void GovernanceSha256_IsLowercaseHexOfTheExactFileBytes()
    {
        var text = "# x\n" + _dir.Read(ConfigLoader.GovernanceFileName);
        _dir.Write(ConfigLoader.GovernanceFileName, text);

        _dir.Load().GovernanceSha256.ShouldBe(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant());
    }

    [Fact]
    public void Sha256Hex_KnownVector_MatchesTheStandard()
    {
        ConfigLoader.Sha256Hex("abc"u8).ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    public void Dispose() => _dir.Dispose();
}
